package uk.gov.redbridge.onepanel.requests.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.ReturnAdded;
import uk.gov.redbridge.onepanel.requests.ReturnDocumentContent;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

/**
 * The secretariat's actions on a referral's information requests, from the case page: send the drafts now, add or
 * remove an agency, record that an agency does not know the person; and the download of a return's documents.
 * Each goes back to the case page, with a message (or an error summary entry, {@code pageError}).
 */
@Controller
class RequestPageController {

    private final InformationRequests requests;
    private final ReferralLog referrals;
    private final AgencyDirectory agencies;

    RequestPageController(InformationRequests requests, ReferralLog referrals, AgencyDirectory agencies) {
        this.requests = requests;
        this.referrals = referrals;
        this.agencies = agencies;
    }

    @PostMapping(path = "/referrals/{reference}/requests/send", name = "requests.sent-now")
    String sendNow(@PathVariable String reference, Principal principal, RedirectAttributes redirect) {
        ReferralReference ref = find(reference);
        int sent = requests.sendNow(ref, principal.getName());
        redirect.addFlashAttribute("success", "requestsSent");
        redirect.addFlashAttribute("changedCount", sent);
        return back(ref);
    }

    @PostMapping(path = "/referrals/{reference}/requests/add", name = "requests.agency-added")
    String addAgency(@PathVariable String reference, @RequestParam(required = false) String agency,
            Principal principal, RedirectAttributes redirect) {
        ReferralReference ref = find(reference);
        if (agency == null || agency.isBlank()) {
            redirect.addFlashAttribute("pageError", Map.of("href", "#add-agency", "key", "requests.add.required"));
            return back(ref);
        }
        try {
            requests.addAgency(ref, agency.strip(), principal.getName());
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("pageError", Map.of("href", "#add-agency", "key", "requests.add.refused"));
            return back(ref);
        }
        redirect.addFlashAttribute("success", "agencyAdded");
        return back(ref);
    }

    /** The confirmation before an agency's request is cancelled. */
    @GetMapping(path = "/referrals/{reference}/requests/{agency}/remove", name = "requests.remove-opened")
    String removePage(@PathVariable String reference, @PathVariable String agency, Model model) {
        InformationRequest request = request(find(reference), agency);
        if (request.status().answered() || request.status() == uk.gov.redbridge.onepanel.requests.RequestStatus.CANCELLED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        model.addAttribute("request", request);
        model.addAttribute("agencyName", agencies.nameOf(request.agencyCode()));
        return "requests/remove";
    }

    @PostMapping(path = "/referrals/{reference}/requests/{agency}/remove", name = "requests.agency-removed")
    String removeAgency(@PathVariable String reference, @PathVariable String agency, Principal principal,
            RedirectAttributes redirect) {
        ReferralReference ref = find(reference);
        request(ref, agency);
        requests.removeAgency(ref, agency, principal.getName());
        redirect.addFlashAttribute("success", "agencyRemoved");
        return back(ref);
    }

    @PostMapping(path = "/referrals/{reference}/requests/{agency}/not-known", name = "requests.not-known")
    String notKnown(@PathVariable String reference, @PathVariable String agency, Principal principal,
            RedirectAttributes redirect) {
        ReferralReference ref = find(reference);
        request(ref, agency);
        requests.recordNotKnown(ref, agency, principal.getName());
        redirect.addFlashAttribute("success", "notKnown");
        return back(ref);
    }

    /** A return that did not come by email (a secure portal, a scanned letter): the page to add it. */
    @GetMapping(path = "/referrals/{reference}/requests/{agency}/add-return", name = "requests.add-return-opened")
    String addReturnForm(@PathVariable String reference, @PathVariable String agency, Model model) {
        InformationRequest request = request(find(reference), agency);
        return returnPage(request, null, model);
    }

    @PostMapping(path = "/referrals/{reference}/requests/{agency}/add-return", name = "requests.return-added")
    String addReturn(@PathVariable String reference, @PathVariable String agency,
            @RequestParam(required = false) MultipartFile file, Principal principal, Model model,
            RedirectAttributes redirect) throws IOException {
        ReferralReference ref = find(reference);
        InformationRequest request = request(ref, agency);
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return returnPage(request, new Problem("requests.addReturn.file.required", null), model);
        }
        if (file.isEmpty()) {
            return returnPage(request, new Problem("requests.addReturn.file.empty", null), model);
        }
        ReturnAdded added = requests.addReturnByHand(ref, request.agencyCode(), file.getOriginalFilename(),
                file.getContentType(), file.getBytes(), principal.getName());
        if (added instanceof ReturnAdded.Refused refused) {
            return returnPage(request, new Problem("requests.addReturn.file.refused",
                    sentence(refused.explanation())), model);
        }
        if (added instanceof ReturnAdded.RequestCancelled cancelled) {
            return returnPage(request, new Problem("requests.addReturn.cancelled", null), model);
        }
        if (added instanceof ReturnAdded.NoSuchRequest) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", added instanceof ReturnAdded.AlreadyAdded ? "returnHeld" : "returnAdded");
        return back(ref) + "#requests";
    }

    /** A problem with the return's file, for the page's error summary. */
    record Problem(String key, String detail) {
    }

    private String returnPage(InformationRequest request, Problem problem, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("agencyName", agencies.byCode(request.agencyCode()).map(Agency::name)
                .orElse(request.agencyCode()));
        model.addAttribute("problem", problem);
        model.addAttribute("maxMegabytes", Math.max(1, referrals.maxDocumentBytes() / (1024 * 1024)));
        return "requests/add-return";
    }

    private static String sentence(String explanation) {
        if (explanation == null || explanation.isBlank()) {
            return "";
        }
        String s = explanation.strip();
        s = s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    @GetMapping(path = "/referrals/{reference}/requests/{agency}/documents/{documentId}",
            name = "requests.document-downloaded")
    ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String agency,
            @PathVariable String documentId) {
        InformationRequest request = request(find(reference), agency);
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ReturnDocumentContent content = requests.documentContent(request.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(content.fileName(), content.contentType(), content.bytes());
    }

    private InformationRequest request(ReferralReference reference, String agency) {
        return requests.find(reference, agency).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ReferralReference find(String reference) {
        return ReferralReference.tryParse(reference).filter(r -> referrals.find(r).isPresent())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String back(ReferralReference reference) {
        return "redirect:/referrals/" + reference;
    }
}
