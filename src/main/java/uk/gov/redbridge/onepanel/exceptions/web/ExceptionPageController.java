package uk.gov.redbridge.onepanel.exceptions.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionFilter;
import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionPage;
import uk.gov.redbridge.onepanel.exceptions.internal.AttachmentNames;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.MessageNamesAnotherReferral;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestNeverSent;
import uk.gov.redbridge.onepanel.shared.web.AuditedReference;
import uk.gov.redbridge.onepanel.shared.web.BadQuery;
import uk.gov.redbridge.onepanel.shared.web.Pagination;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.exceptions.web.ExceptionForms.AttachForm;
import uk.gov.redbridge.onepanel.exceptions.web.ExceptionForms.CloseForm;
import uk.gov.redbridge.onepanel.exceptions.web.ExceptionForms.CreateReferralForm;
import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.IntakeRetried;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.Downloads;
import uk.gov.redbridge.onepanel.triage.Triage;

/**
 * The exceptions queue: the list (counts by reason, oldest first) and one page per item with the reason in plain
 * words, the original email (headers, the body as text, attachments to download) and the actions that resolve it.
 * Every resolution records who and when (the queue) and is audited.
 */
@Controller
class ExceptionPageController {

    static final String LIST = "exceptions/list";
    static final String ITEM = "exceptions/item";
    static final int PAGE_SIZE = 50;
    /** Reasons for which reading the email again can help (after a fix to form-mappings/, or an installed OCR). */
    static final Set<ExceptionReason> RETRYABLE = EnumSet.of(ExceptionReason.ENCRYPTED, ExceptionReason.CORRUPT,
            ExceptionReason.EMPTY, ExceptionReason.NOT_A_FORM, ExceptionReason.NO_FORM_FOUND,
            ExceptionReason.NEEDS_OCR, ExceptionReason.TIMEOUT, ExceptionReason.MALFORMED);

    private final ExceptionsQueue queue;
    private final InboundMessages messages;
    private final ReferralLog referrals;
    private final FormExtractor extractor;
    private final Correspondence correspondence;
    private final Triage triage;
    private final InformationRequests requests;
    private final AgencyDirectory agencies;
    private final MailAccounts accounts;
    private final AttachmentNames attachmentNames;

    ExceptionPageController(ExceptionsQueue queue, InboundMessages messages, ReferralLog referrals,
            FormExtractor extractor, Correspondence correspondence, Triage triage, InformationRequests requests,
            AgencyDirectory agencies, MailAccounts accounts, AttachmentNames attachmentNames) {
        this.accounts = accounts;
        this.attachmentNames = attachmentNames;
        this.queue = queue;
        this.messages = messages;
        this.referrals = referrals;
        this.extractor = extractor;
        this.correspondence = correspondence;
        this.triage = triage;
        this.requests = requests;
        this.agencies = agencies;
    }

    /** A row of the queue: the item, and what its email is (sender, subject, attachment names). */
    record Row(ExceptionItem item, String sender, String subject) {
    }

    @GetMapping("/exceptions")
    String list(@RequestParam(defaultValue = "open") String show, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String mailbox, @RequestParam(required = false) String page,
            Model model) {
        boolean resolved = switch (show) {
            case "open" -> false;
            case "resolved" -> true;
            default -> throw new BadQuery("show", "Choose the exceptions waiting or those resolved");
        };
        ExceptionReason byReason = reason == null || reason.isBlank() ? null
                : java.util.Arrays.stream(ExceptionReason.values())
                        .filter(r -> r.code().equals(reason.strip())).findFirst()
                        .orElseThrow(() -> new BadQuery("reason", "Choose a reason from the list"));
        Map<String, Integer> byMailbox = queue.openCountsByMailbox();
        String box = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
        if (box != null && accounts.byName(box).isEmpty() && !byMailbox.containsKey(box)) {
            throw new BadQuery("mailbox", "Choose a mailbox from the list");
        }
        int pageNumber = BadQuery.positiveNumber("page", page, "Page numbers are whole numbers from 1");
        ExceptionFilter filter = new ExceptionFilter(resolved ? ExceptionStatus.RESOLVED : ExceptionStatus.OPEN,
                byReason, box);
        ExceptionPage found = queue.page(filter, pageNumber, PAGE_SIZE);
        if (pageNumber > found.pages()) {
            found = queue.page(filter, found.pages(), PAGE_SIZE);
        }
        model.addAttribute("showResolved", resolved);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.items().stream().map(this::row).toList());
        model.addAttribute("counts", queue.openCountsByReason());
        model.addAttribute("openTotal", queue.openCountsByReason().values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("reasons", ExceptionReason.values());
        model.addAttribute("mailboxes", accounts.accounts().stream().map(a -> a.name()).toList());
        model.addAttribute("reason", byReason == null ? "" : byReason.code());
        model.addAttribute("mailbox", box == null ? "" : box);
        model.addAttribute("filtered", byReason != null || box != null);
        model.addAttribute("pagination",
                Pagination.of(found.page(), found.pages(), n -> href(resolved, byReason, box, n)));
        return LIST;
    }

    private static String href(boolean resolved, ExceptionReason reason, String mailbox, int page) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/exceptions");
        if (resolved) {
            b.queryParam("show", "resolved");
        }
        if (reason != null) {
            b.queryParam("reason", reason.code());
        }
        if (mailbox != null) {
            b.queryParam("mailbox", mailbox);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    private Row row(ExceptionItem item) {
        Optional<InboundMessage> message = item.messageId() == null ? Optional.empty()
                : messages.find(item.messageId());
        if (message.isPresent() && item.attachmentNames().isEmpty() && !message.get().quarantined()
                && item.status() == ExceptionStatus.OPEN) {
            // an item raised before the names were kept: kept now, once
            List<String> names = attachmentNames.of(item.messageId());
            if (!names.isEmpty()) {
                queue.keepAttachmentNames(item.id(), names);
                item = queue.find(item.id()).orElse(item);
            }
        }
        return new Row(item, message.map(InboundMessage::sender).orElse(null),
                message.map(InboundMessage::subject).orElse(null));
    }

    @GetMapping(path = "/exceptions/{id}", name = "exception.viewed")
    String item(@PathVariable String id, Model model) {
        ExceptionItem item = find(id);
        // the referral the email names, to start from
        List<ReferralReference> named = item.messageId() == null ? List.of() : named(item);
        AttachForm attach = new AttachForm(named.isEmpty() ? null : named.get(0).toString(), null, false);
        return page(item, new CreateReferralForm(null), attach, new CloseForm(null, null), model);
    }

    @GetMapping(path = "/exceptions/{id}/attachments/{index}", name = "exception.attachment-downloaded")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int index) {
        ExceptionItem item = find(id);
        ParsedMail mail = mailOf(item).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (index < 1 || index > mail.attachments().size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        MailAttachment a = mail.attachments().get(index - 1);
        return Downloads.attachment(a.fileName(), a.contentType(), a.content());
    }

    @PostMapping(path = "/exceptions/{id}/create-referral", name = "exception.referral-created")
    String createReferral(@PathVariable String id, @ModelAttribute("createForm") CreateReferralForm form,
            Principal principal, RedirectAttributes redirect) {
        ExceptionItem item = openWithMessage(id);
        Pathway pathway = form.pathway() == null || form.pathway().isBlank() ? null
                : parsePathway(form.pathway());
        ExtractionResult read = extractor.extractFromEmail(messages.parsed(item.messageId()));
        Referral referral = read instanceof FormExtracted extracted
                ? referrals.createFromMessage(item.messageId(), extracted.form(), extracted.sourceName(), pathway,
                        principal.getName())
                : referrals.createFromMessage(item.messageId(), null, null, pathway, principal.getName());
        queue.resolve(item.id(), "referral_created", principal.getName(), "Referral " + referral.reference(),
                referral.reference().toString());
        redirect.addFlashAttribute("created", referral.reference().toString());
        return "redirect:/referrals/" + referral.reference() + "/review";
    }

    @PostMapping(path = "/exceptions/{id}/attach", name = "exception.attached")
    String attach(@PathVariable String id, @Valid @ModelAttribute("attachForm") AttachForm form,
            BindingResult result, Principal principal, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request) {
        ExceptionItem item = openWithMessage(id);
        Optional<ReferralReference> reference = result.hasErrors() ? Optional.empty()
                : ReferralReference.tryParse(form.reference()).filter(r -> referrals.find(r).isPresent());
        if (!result.hasErrors() && reference.isEmpty()) {
            result.rejectValue("reference", "exception.attach.unknown");
        }
        if (result.hasErrors()) {
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        }
        String agency = form.agency() == null || form.agency().isBlank() ? null : form.agency().strip();
        if (agency != null && requests.sentRequests(reference.get()).stream()
                .noneMatch(r -> r.agencyCode().equalsIgnoreCase(agency))) {
            result.rejectValue("agency", "exception.attach.noRequest");
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        }
        List<ReferralReference> named = named(item);
        boolean confirmed = form.confirmed();
        if (!named.isEmpty() && !named.contains(reference.get()) && !confirmed) {
            result.rejectValue("otherReferralConfirmed", "exception.attach.otherReferral",
                    new Object[] {names(named), reference.get().toString()}, null);
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        }
        try {
            if (agency == null) {
                referrals.attachMessage(reference.get(), item.messageId(), principal.getName(), confirmed);
                queue.resolve(item.id(), "attached", principal.getName(), "Attached to " + reference.get(),
                        reference.get().toString());
            } else {
                requests.attachReply(reference.get(), agency, item.messageId(), principal.getName(), confirmed);
                queue.resolve(item.id(), "attached_to_request", principal.getName(),
                        "Attached as the reply of " + agencies.nameOf(agency) + " on " + reference.get(),
                        reference.get().toString());
            }
        } catch (MessageNamesAnotherReferral e) {
            result.rejectValue("otherReferralConfirmed", "exception.attach.otherReferral",
                    new Object[] {names(e.named()), reference.get().toString()}, null);
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        } catch (RequestNeverSent e) {
            result.rejectValue("agency", "exception.attach.noRequest");
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        } catch (IllegalStateException e) {
            result.rejectValue("agency", "exception.attach.cancelled");
            return page(item, new CreateReferralForm(null), form, new CloseForm(null, null), model);
        }
        AuditedReference.set(request, reference.get());
        redirect.addFlashAttribute("success", "attached");
        return "redirect:/referrals/" + reference.get();
    }

    /** The confirmation before an attachment is undone. */
    @GetMapping(path = "/exceptions/{id}/undo", name = "exception.undo-opened")
    String undoPage(@PathVariable String id, Model model) {
        ExceptionItem item = attachedByHand(id);
        model.addAttribute("item", item);
        return "exceptions/undo";
    }

    /**
     * Undoes an attachment by hand: the email comes off the referral (and off the agency's request, which goes back
     * to the state it was in), and the item waits in the queue again, with the referral its email named.
     */
    @PostMapping(path = "/exceptions/{id}/undo", name = "exception.attach-undone")
    String undo(@PathVariable String id, Principal principal, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request) {
        ExceptionItem item = attachedByHand(id);
        ReferralReference reference = ReferralReference.parse(item.referralReference());
        AuditedReference.set(request, reference);
        if ("attached_to_request".equals(item.resolution())) {
            requests.detachReply(reference, item.messageId(), principal.getName());
        }
        referrals.detachMessage(reference, item.messageId(), principal.getName());
        queue.reopen(item.id(), principal.getName());
        redirect.addFlashAttribute("undone", reference.toString());
        return "redirect:/exceptions/" + item.id();
    }

    private ExceptionItem attachedByHand(String id) {
        ExceptionItem item = find(id);
        if (!item.attachedByHand() || item.messageId() == null || item.referralReference() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return item;
    }

    /** The referrals the item's email names: the one the reply handler found, and any in its subject or address. */
    private List<ReferralReference> named(ExceptionItem item) {
        java.util.LinkedHashSet<ReferralReference> out = new java.util.LinkedHashSet<>();
        if (item.status() == ExceptionStatus.OPEN && item.referralReference() != null) {
            ReferralReference.tryParse(item.referralReference()).filter(r -> referrals.find(r).isPresent())
                    .ifPresent(out::add);
        }
        out.addAll(referrals.namedIn(item.messageId()));
        return List.copyOf(out);
    }

    private static String names(List<ReferralReference> references) {
        return String.join(" and ", references.stream().map(ReferralReference::toString).toList());
    }

    @PostMapping(path = "/exceptions/{id}/retry", name = "exception.retried")
    String retry(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        ExceptionItem item = openWithMessage(id);
        IntakeRetried outcome;
        try {
            outcome = referrals.retryIntake(item.messageId(), principal.getName());
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("retryFailed", "not_kept");
            return "redirect:/exceptions/" + item.id();
        }
        if (outcome.referral().isPresent()) {
            String reference = outcome.referral().get().toString();
            queue.resolve(item.id(), "retried", principal.getName(), "Read again: referral " + reference, reference);
            redirect.addFlashAttribute("created", reference);
            return "redirect:/referrals/" + reference + "/review";
        }
        redirect.addFlashAttribute("retryFailed", outcome.failureReason());
        redirect.addFlashAttribute("retryExplanation", outcome.explanation());
        return "redirect:/exceptions/" + item.id();
    }

    @PostMapping(path = "/exceptions/{id}/close", name = "exception.closed")
    String close(@PathVariable String id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result,
            Principal principal, Model model, RedirectAttributes redirect) {
        ExceptionItem item = find(id);
        if (item.status() != ExceptionStatus.OPEN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (!result.hasFieldErrors("resolution") && !List.of("not_a_referral", "handled").contains(form.resolution())) {
            result.rejectValue("resolution", "exception.close.resolutionRequired");
        }
        if (result.hasErrors()) {
            return page(item, new CreateReferralForm(null), new AttachForm(null, null, null), form, model);
        }
        queue.resolve(item.id(), form.resolution(), principal.getName(), form.note().strip());
        redirect.addFlashAttribute("resolved", form.resolution());
        return "redirect:/exceptions";
    }

    /** An uncertain email the secretariat checked did arrive. */
    @PostMapping(path = "/exceptions/{id}/confirm-delivered", name = "exception.mail-confirmed")
    String confirmDelivered(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        ExceptionItem item = find(id);
        OutboundMail mail = mailOfOutbound(item).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        correspondence.confirmDelivered(mail.id());
        queue.resolve(item.id(), "confirmed_delivered", principal.getName(), "Confirmed delivered",
                mail.referralReference());
        redirect.addFlashAttribute("resolved", "confirmed_delivered");
        return "redirect:/exceptions";
    }

    /** An uncertain or failed email sent again, with the same Message-ID. */
    @PostMapping(path = "/exceptions/{id}/resend", name = "exception.mail-resent")
    String resend(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        ExceptionItem item = find(id);
        OutboundMail mail = mailOfOutbound(item).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        correspondence.resend(mail.id());
        queue.resolve(item.id(), "resent", principal.getName(), "Sent again", mail.referralReference());
        redirect.addFlashAttribute("resolved", "resent");
        return "redirect:/exceptions";
    }

    private String page(ExceptionItem item, CreateReferralForm create, AttachForm attach, CloseForm close,
            Model model) {
        model.addAttribute("item", item);
        model.addAttribute("createForm", create);
        model.addAttribute("attachForm", attach);
        model.addAttribute("closeForm", close);
        model.addAttribute("pathways", Pathway.values());
        // the agencies asked on the referral entered (requests sent): only they can have replied
        List<ReferralReference> named = item.messageId() == null ? List.of() : named(item);
        model.addAttribute("named", named);
        Optional<ReferralReference> chosen = ReferralReference.tryParse(attach.reference())
                .filter(r -> referrals.find(r).isPresent());
        model.addAttribute("attachReferral", chosen.map(ReferralReference::toString).orElse(null));
        model.addAttribute("agencies", chosen.map(r -> requests.sentRequests(r).stream()
                .map(InformationRequest::agencyCode).toList()).orElse(List.of()));
        model.addAttribute("otherReferralAsked", named.size() > 0 && chosen.isPresent()
                && !named.contains(chosen.get()));
        Optional<InboundMessage> message = item.messageId() == null ? Optional.empty()
                : messages.find(item.messageId());
        model.addAttribute("message", message.orElse(null));
        Optional<ParsedMail> mail = mailOf(item);
        model.addAttribute("mail", mail.orElse(null));
        model.addAttribute("headersText", mail.map(m -> m.headers().stream()
                .map(h -> h.name() + ": " + h.value()).collect(java.util.stream.Collectors.joining("\n"))).orElse(""));
        model.addAttribute("verdict", item.messageId() == null ? null
                : triage.decisionFor(item.messageId()).orElse(null));
        model.addAttribute("outbound", mailOfOutbound(item).orElse(null));
        model.addAttribute("messageReferral", item.messageId() == null ? null
                : referrals.referralOfMessage(item.messageId()).flatMap(referrals::find).map(Referral::reference)
                        .orElse(null));
        model.addAttribute("canRetry", RETRYABLE.contains(item.reason()) && message.isPresent()
                && !message.get().quarantined());
        return ITEM;
    }

    private Optional<ParsedMail> mailOf(ExceptionItem item) {
        if (item.messageId() == null) {
            return Optional.empty();
        }
        return messages.find(item.messageId()).filter(m -> !m.quarantined())
                .map(m -> messages.parsed(m.id()));
    }

    private Optional<OutboundMail> mailOfOutbound(ExceptionItem item) {
        return item.outboundMailId() == null ? Optional.empty()
                : correspondence.find(new OutboundMailId(item.outboundMailId()));
    }

    /** An open item whose email's content was kept: the ones an email can be read, made a referral or attached. */
    private ExceptionItem openWithMessage(String id) {
        ExceptionItem item = find(id);
        if (item.status() != ExceptionStatus.OPEN || item.messageId() == null
                || messages.find(item.messageId()).map(InboundMessage::quarantined).orElse(true)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return item;
    }

    private static Pathway parsePathway(String name) {
        try {
            return Pathway.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private ExceptionItem find(String id) {
        try {
            return queue.find(ExceptionId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
