package uk.gov.redbridge.onepanel.referrals.web;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.FormLayout;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.CaseSection;
import uk.gov.redbridge.onepanel.referrals.DocumentContent;
import uk.gov.redbridge.onepanel.referrals.LinkedMessage;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.Downloads;
import uk.gov.redbridge.onepanel.shared.words.PlainWords;
import uk.gov.redbridge.onepanel.triage.Triage;

/**
 * One page per referral: summary, subject and persons, pathway and status, what happened (every message in and
 * out), documents, and the secretariat's actions on it.
 */
@Controller
class CaseController {

    static final String VIEW = "referrals/case";

    private final ReferralLog referrals;
    private final InboundMessages messages;
    private final Correspondence correspondence;
    private final Triage triage;
    private final List<CaseSection> sections;
    private final FormExtractor extractor;

    CaseController(ReferralLog referrals, InboundMessages messages, Correspondence correspondence, Triage triage,
            List<CaseSection> sections, FormExtractor extractor) {
        this.referrals = referrals;
        this.messages = messages;
        this.correspondence = correspondence;
        this.triage = triage;
        this.extractor = extractor;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CaseSection::order)).toList();
    }

    /** A section of another module, ready for the template: its fragment and its model. */
    record SectionView(String fragment, java.util.Map<String, Object> model) {
    }

    record PathwayForm(@NotBlank(message = "{case.pathway.required}") String pathway,
            @Size(max = 500, message = "{form.tooLong}") String reason) {
    }

    record StatusForm(@NotBlank(message = "{case.status.required}") String status,
            @NotBlank(message = "{case.status.reasonRequired}") @Size(max = 500, message = "{form.tooLong}")
            String reason) {
    }

    /** A line of the case's history: an event of the log, a message in, or an email out, in plain words. */
    record HistoryLine(Instant at, String kind, String text, String actor, String state) {
    }

    @GetMapping(path = "/referrals/{reference}", name = "case.viewed")
    String view(@PathVariable String reference, Model model) {
        Referral referral = find(reference);
        return page(referral, new PathwayForm(referral.pathway().name(), null), new StatusForm(null, null), model);
    }

    @PostMapping(path = "/referrals/{reference}/pathway", name = "case.pathway-changed")
    String changePathway(@PathVariable String reference, @Valid @ModelAttribute("pathwayForm") PathwayForm form,
            BindingResult result, Principal principal, Model model, RedirectAttributes redirect) {
        Referral referral = find(reference);
        Optional<Pathway> pathway = enumValue(Pathway.class, form.pathway());
        if (!result.hasFieldErrors("pathway") && pathway.isEmpty()) {
            result.rejectValue("pathway", "case.pathway.required");
        }
        if (result.hasErrors()) {
            return page(referral, form, new StatusForm(null, null), model);
        }
        referrals.changePathway(referral.reference(), pathway.get(), principal.getName(), form.reason());
        redirect.addFlashAttribute("success", "pathway");
        return "redirect:/referrals/" + referral.reference();
    }

    @PostMapping(path = "/referrals/{reference}/status", name = "case.status-changed")
    String changeStatus(@PathVariable String reference, @Valid @ModelAttribute("statusForm") StatusForm form,
            BindingResult result, Principal principal, Model model, RedirectAttributes redirect) {
        Referral referral = find(reference);
        Optional<ReferralStatus> status = enumValue(ReferralStatus.class, form.status());
        if (!result.hasFieldErrors("status") && status.isEmpty()) {
            result.rejectValue("status", "case.status.required");
        }
        if (!result.hasFieldErrors("status") && status.isPresent() && status.get().needsRecordedRecommendation()) {
            // decided only by the panel's recorded recommendation: the domain refuses it too
            result.rejectValue("status", "case.status.decidedByPanel");
        }
        if (result.hasErrors()) {
            return page(referral, new PathwayForm(referral.pathway().name(), null), form, model);
        }
        referrals.changeStatus(referral.reference(), status.get(), principal.getName(), form.reason().strip());
        redirect.addFlashAttribute("success", "status");
        return "redirect:/referrals/" + referral.reference();
    }

    /** An uncertain email the secretariat has checked arrived. */
    @PostMapping(path = "/referrals/{reference}/mail/{mailId}/confirm", name = "case.mail-confirmed")
    String confirmDelivered(@PathVariable String reference, @PathVariable String mailId,
            RedirectAttributes redirect) {
        Referral referral = find(reference);
        correspondence.confirmDelivered(mailOf(referral, mailId).id());
        redirect.addFlashAttribute("success", "mailConfirmed");
        return "redirect:/referrals/" + referral.reference();
    }

    /** An uncertain or failed email sent again, with the same Message-ID. */
    @PostMapping(path = "/referrals/{reference}/mail/{mailId}/resend", name = "case.mail-resent")
    String resend(@PathVariable String reference, @PathVariable String mailId, RedirectAttributes redirect) {
        Referral referral = find(reference);
        correspondence.resend(mailOf(referral, mailId).id());
        redirect.addFlashAttribute("success", "mailResent");
        return "redirect:/referrals/" + referral.reference();
    }

    @GetMapping(path = "/referrals/{reference}/documents/{documentId}", name = "document.downloaded")
    ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String documentId) {
        Referral referral = find(reference);
        UUID id;
        try {
            id = UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DocumentContent content = referrals.documentContent(referral.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(content.fileName(), content.contentType(), content.bytes());
    }

    private String page(Referral referral, PathwayForm pathwayForm, StatusForm statusForm, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("pathwayForm", pathwayForm);
        model.addAttribute("statusForm", statusForm);
        model.addAttribute("pathways", Pathway.values());
        model.addAttribute("statuses", ReferralStatus.settableByHand());
        model.addAttribute("pathwayConcern", referrals.pathwayConcern(referral).orElse(null));
        model.addAttribute("persons", persons(extractor.layout(referral.form()), referral));
        model.addAttribute("documents", referrals.documents(referral.id()));
        List<OutboundMail> mail = correspondence.forReferral(referral.reference().toString());
        model.addAttribute("mailNeedingAttention", mail.stream()
                .filter(m -> switch (m.state()) {
                    case UNCERTAIN, FAILED, BLOCKED, BOUNCED -> true;
                    default -> false;
                }).toList());
        model.addAttribute("history", history(referral, mail));
        model.addAttribute("sections", sections.stream()
                .map(s -> new SectionView(s.fragment(), s.model(referral))).toList());
        return VIEW;
    }

    /** Persons 1..n of section 3, each as label-value pairs (blank ones left out). */
    private static List<List<String[]>> persons(FormLayout layout, Referral referral) {
        List<List<String[]>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>(List.of("role"));
        layout.section(FieldKeys.PERSONS).ifPresent(s -> s.fields().forEach(f -> fields.add(f.key())));
        for (int i = 0; i < referral.form().personCount(); i++) {
            List<String[]> rows = new ArrayList<>();
            for (String f : fields) {
                referral.form().value(FieldKeys.person(i, f)).ifPresent(v -> rows.add(new String[] {
                        FieldKeys.PERSONS + "." + f, f.equals("role") ? PlainWords.find("PersonRole", v).orElse(v)
                        : v}));
            }
            if (!rows.isEmpty()) {
                out.add(rows);
            }
        }
        return out;
    }

    private List<HistoryLine> history(Referral referral, List<OutboundMail> mail) {
        List<HistoryLine> lines = new ArrayList<>();
        referrals.timeline(referral.id()).forEach(e -> lines.add(
                new HistoryLine(e.at(), PlainWords.of("TimelineKind", e.kind()), e.detail(), e.actor(), null)));
        for (LinkedMessage link : referrals.messages(referral.id())) {
            Optional<InboundMessage> m = messages.find(link.messageId());
            String verdict = triage.decisionFor(link.messageId()).map(d -> d.verdict().label()).orElse("");
            lines.add(new HistoryLine(m.map(InboundMessage::receivedAt).orElse(link.linkedAt()),
                    PlainWords.of("MessageRole", link.role()),
                    m.map(x -> "To " + x.mailboxAddress()).orElse("") + (verdict.isEmpty() ? "" : ": " + verdict),
                    link.linkedBy(), null));
        }
        for (OutboundMail m : mail) {
            lines.add(new HistoryLine(m.createdAt(), PlainWords.of("TimelineKind", "EMAIL_SENT"),
                    PlainWords.of("MailTemplate", m.template()), null, m.state().name()));
        }
        lines.sort(Comparator.comparing(HistoryLine::at));
        return lines;
    }

    private OutboundMail mailOf(Referral referral, String mailId) {
        try {
            return correspondence.find(OutboundMailId.of(mailId))
                    .filter(m -> referral.reference().toString().equals(m.referralReference()))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Referral find(String reference) {
        return ReferralReference.tryParse(reference).flatMap(referrals::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
