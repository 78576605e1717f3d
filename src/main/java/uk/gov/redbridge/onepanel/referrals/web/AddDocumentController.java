package uk.gov.redbridge.onepanel.referrals.web;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.referrals.DocumentAdded;
import uk.gov.redbridge.onepanel.referrals.DocumentUpload;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Adding a document to a referral by hand: a form that came by post or through a secure portal, or a paper for the
 * panel. The file goes through the same bounded reading as an email attachment (see
 * {@link ReferralLog#addDocument}); what cannot be kept is refused on this page with its reason.
 */
@Controller
class AddDocumentController {

    static final String VIEW = "referrals/add-document";

    /** A problem with the form, as the GOV.UK error summary shows it: the field it links to and the words. */
    record Problem(String field, String key, String detail) {
    }

    private final ReferralLog referrals;
    private final uk.gov.redbridge.onepanel.shared.words.Words words;

    AddDocumentController(ReferralLog referrals, uk.gov.redbridge.onepanel.shared.words.Words words) {
        this.referrals = referrals;
        this.words = words;
    }

    @GetMapping(path = "/referrals/{reference}/add-document", name = "document.add-opened")
    String form(@PathVariable String reference, Model model) {
        return page(find(reference), null, List.of(), model);
    }

    @PostMapping(path = "/referrals/{reference}/add-document", name = "document.added")
    String add(@PathVariable String reference, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String samePerson, Principal principal, Model model,
            RedirectAttributes redirect) throws IOException {
        Referral referral = find(reference);
        DocumentUpload.Kind chosen = CaseController.enumValue(DocumentUpload.Kind.class, kind).orElse(null);
        List<Problem> problems = new ArrayList<>();
        if (chosen == null) {
            problems.add(new Problem("kind", "addDocument.kind.required", null));
        }
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            problems.add(new Problem("file", "addDocument.file.required", null));
        } else if (file.isEmpty()) {
            problems.add(new Problem("file", "addDocument.file.empty", null));
        }
        if (!problems.isEmpty()) {
            return page(referral, chosen, problems, model);
        }
        DocumentUpload upload = new DocumentUpload(file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                chosen);
        DocumentAdded added = referrals.addDocument(referral.reference(),
                "yes".equals(samePerson) ? upload.confirmedSamePerson() : upload, principal.getName());
        switch (added.outcome()) {
            case REFUSED -> {
                return page(referral, chosen, List.of(new Problem("file", "addDocument.file.refused",
                        added.explanation())), model);
            }
            case OTHER_PERSON -> {
                // another person's form: nothing kept; the differences side by side, and the choice to go on
                model.addAttribute("otherPerson", added.otherPerson());
                return page(referral, chosen, List.of(new Problem("samePerson", "addDocument.otherPerson",
                        String.join(", ", added.otherPerson().stream().map(d -> words.field(d.key())).toList()))),
                        model);
            }
            case ALREADY_HELD -> redirect.addFlashAttribute("success", "documentHeld");
            default -> {
                redirect.addFlashAttribute("success", "documentAdded");
                redirect.addFlashAttribute("documentFilled", added.filled().size());
                redirect.addFlashAttribute("documentDiffering", added.differing().size());
            }
        }
        return "redirect:/referrals/" + referral.reference();
    }

    private String page(Referral referral, DocumentUpload.Kind kind, List<Problem> problems, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("kind", kind == null ? null : kind.name());
        model.addAttribute("problems", problems);
        model.addAttribute("kindProblem", problems.stream().filter(p -> p.field().equals("kind")).findFirst()
                .orElse(null));
        model.addAttribute("fileProblem", problems.stream().filter(p -> p.field().equals("file")).findFirst()
                .orElse(null));
        model.addAttribute("samePersonProblem", problems.stream().filter(p -> p.field().equals("samePerson"))
                .findFirst().orElse(null));
        if (!model.containsAttribute("otherPerson")) {
            model.addAttribute("otherPerson", List.of());
        }
        model.addAttribute("maxMegabytes", Math.max(1, referrals.maxDocumentBytes() / (1024 * 1024)));
        return VIEW;
    }

    private Referral find(String reference) {
        return ReferralReference.tryParse(reference).flatMap(referrals::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
