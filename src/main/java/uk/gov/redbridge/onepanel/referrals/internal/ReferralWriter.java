package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralFormChanged;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralLogged;
import uk.gov.redbridge.onepanel.referrals.ReferralPathwayChanged;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferralStatusChanged;
import uk.gov.redbridge.onepanel.referrals.ReferrerSummary;
import uk.gov.redbridge.onepanel.referrals.SubjectSummary;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** Every change to the referral log goes through here, with its timeline entry and its event. */
@Component
public class ReferralWriter {

    public static final String SYSTEM = "system";

    private final ReferralRepository repository;
    private final ReferralDocuments documents;
    private final ReferralMessages links;
    private final ReferralTimeline timeline;
    private final ReferenceAllocator references;
    private final PathwayRules pathways;
    private final FormExtractor extractor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralWriter(ReferralRepository repository, ReferralDocuments documents, ReferralMessages links,
            ReferralTimeline timeline, ReferenceAllocator references, PathwayRules pathways, FormExtractor extractor,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.documents = documents;
        this.links = links;
        this.timeline = timeline;
        this.references = references;
        this.pathways = pathways;
        this.extractor = extractor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Logs a referral from a message and the form read from it.
     *
     * @param formSource the attachment name the form came from, {@code "(email body)"}, or null (entered by hand)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Referral create(InboundMessage message, ParsedMail mail, FilledForm form, String formSource,
            String contentKey, String actor, Pathway chosenPathway) {
        Instant now = clock.instant();
        ReferralReference reference = references.next(LocalDate.now(clock).getYear(),
                (SYSTEM.equals(actor) ? "intake of message " : "by hand from message ") + message.id().value());
        LocalDate received = message.receivedAt().atZone(clock.getZone()).toLocalDate();
        PathwayRules.Decision pathway = chosenPathway != null
                ? new PathwayRules.Decision(chosenPathway, "chosen by " + actor)
                : pathways.decide(message.mailbox(), form, received);
        List<String> missing = RequiredFields.missing(form);
        ReferralStatus status = missing.isEmpty() ? ReferralStatus.RECEIVED : ReferralStatus.NEEDS_INFORMATION;
        boolean reviewNeeded = !form.needingReview(extractor.reviewThreshold()).isEmpty();
        Referral referral = new Referral(new ReferralId(UUID.randomUUID()), reference, pathway.pathway(),
                pathway.reason(), status, message.mailbox(), message.receivedAt(), subjectOf(form),
                new ReferrerSummary(form.value(FieldKeys.REFERRER_NAME).orElse(null),
                        form.value(FieldKeys.REFERRER_AGENCY).orElse(null), form.value(FieldKeys.REFERRER_EMAIL).orElse(null),
                        replyAddressOf(mail, message)),
                formSource, form, missing, reviewNeeded, actor, now);
        // first write: a copy that lost the race on the content key fails here, before any event is published
        repository.insert(referral, contentKey);
        links.linkMessage(referral.id(), message.id(), "ORIGINAL", now, actor);
        addDocuments(referral.id(), message, mail, formSource, "ATTACHMENT");
        timeline.addEvent(referral.id(), now, "RECEIVED", "Referral logged from an email to "
                + message.mailboxAddress() + "; " + describeSource(formSource, mail), actor);
        timeline.addEvent(referral.id(), now, "PATHWAY", pathway.pathway().label() + ": " + pathway.reason(), actor);
        if (!missing.isEmpty()) {
            timeline.addEvent(referral.id(), now, "NEEDS_INFORMATION", "Missing: " + String.join("; ", missing), actor);
        }
        events.publishEvent(new ReferralLogged(referral.id(), reference, pathway.pathway(), status));
        return referral;
    }

    /** Holds each attachment of a message with the referral (the bytes stay in the stored message). */
    void addDocuments(ReferralId referral, InboundMessage message, ParsedMail mail, String formSource, String role) {
        boolean formTaken = false;
        for (MailAttachment a : mail.attachments()) {
            boolean isForm = !formTaken && a.fileName().equals(formSource);
            formTaken |= isForm;
            documents.addDocument(referral, new ReferralDocument(UUID.randomUUID(), message.id(), a.partPath(),
                    a.fileName(), a.contentType(), a.size(), ContentStore.sha256Hex(a.content()),
                    isForm ? "FORM" : role, clock.instant(), null));
        }
    }

    /** Links a message by hand, with its attachments; false if it was linked already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean attach(ReferralId id, InboundMessage message, ParsedMail mail, String actor) {
        Instant now = clock.instant();
        if (!links.linkMessage(id, message.id(), "ATTACHED", now, actor)) {
            return false;
        }
        addDocuments(id, message, mail, null, "ATTACHMENT");
        timeline.addEvent(id, now, "ATTACHED", "An email to " + message.mailboxAddress()
                + " was attached to the referral", actor);
        return true;
    }

    /**
     * Takes an email off a referral again (an attachment by hand undone): its link and the documents that came in it.
     * False if it was not linked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean detach(ReferralId id, InboundMessage message, String actor) {
        if (!links.unlinkMessage(id, message.id())) {
            return false;
        }
        int removed = documents.removeDocumentsOf(id, message.id());
        timeline.addEvent(id, clock.instant(), "DETACHED", "An email to " + message.mailboxAddress()
                + " attached by hand was taken off the referral again" + (removed == 0 ? ""
                        : ", with its " + removed + (removed == 1 ? " document" : " documents")), actor);
        return true;
    }

    /** Links an agency's reply (role AGENCY_REPLY) with a timeline entry; false if it was linked already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean linkAgencyReply(ReferralId id, InboundMessageId messageId, String detail, String actor) {
        Instant now = clock.instant();
        if (!links.linkMessage(id, messageId, "AGENCY_REPLY", now, actor)) {
            return false;
        }
        timeline.addEvent(id, now, "AGENCY_REPLY", detail, actor);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void note(ReferralId id, String kind, String detail, String actor) {
        timeline.addEvent(id, clock.instant(), kind, detail, actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changeStatus(ReferralId id, ReferralStatus to, String actor, String why) {
        Optional<Referral> current = repository.find(id);
        if (current.isEmpty() || current.get().status() == to) {
            return false;
        }
        ReferralStatus from = current.get().status();
        if (to.needsRecordedRecommendation()
                && current.get().form().value(FieldKeys.DECISION_RECOMMENDATION).filter(v -> !v.isBlank()).isEmpty()) {
            throw new IllegalStateException("a referral is " + to.label().toLowerCase(Locale.ROOT)
                    + " only once the panel's recommendation is recorded at a meeting");
        }
        if (!repository.updateStatus(id, from, to, clock.instant())) {
            return false;
        }
        timeline.addEvent(id, clock.instant(), "STATUS", from.label() + " → " + to.label()
                + (why == null ? "" : ": " + why), actor);
        events.publishEvent(new ReferralStatusChanged(id, current.get().reference(), from, to, actor));
        return true;
    }

    /** Moves a referral to another pathway; false if it is on that pathway already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changePathway(ReferralId id, Pathway to, String actor, String why) {
        Optional<Referral> current = repository.find(id);
        if (current.isEmpty() || current.get().pathway() == to) {
            return false;
        }
        Pathway from = current.get().pathway();
        String reason = "changed by " + actor + (why == null || why.isBlank() ? "" : ": " + why.trim());
        repository.updatePathway(id, to, reason, clock.instant());
        timeline.addEvent(id, clock.instant(), "PATHWAY", from.label() + " → " + to.label() + " (" + reason + ")",
                actor);
        events.publishEvent(new ReferralPathwayChanged(id, current.get().reference(), from, to, actor));
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceForm(ReferralId id, FilledForm form, String actor, String why) {
        List<String> missing = RequiredFields.missing(form);
        boolean reviewNeeded = !form.needingReview(extractor.reviewThreshold()).isEmpty();
        repository.updateForm(id, form, missing, reviewNeeded, clock.instant());
        timeline.addEvent(id, clock.instant(), "FORM", why, actor);
        repository.find(id).ifPresent(r -> events.publishEvent(
                new ReferralFormChanged(id, r.reference(), why, actor)));
    }

    static SubjectSummary subjectOf(FilledForm form) {
        Integer age = form.value(FieldKeys.SUBJECT_AGE).filter(a -> a.matches("\\d{1,3}")).map(Integer::valueOf).orElse(null);
        return new SubjectSummary(form.value(FieldKeys.SUBJECT_FIRST_NAME).orElse(null),
                form.value(FieldKeys.SUBJECT_LAST_NAME).orElse(null), form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH).orElse(null), age);
    }

    /**
     * Where a reply to the sender goes: Reply-To if the message has one, else From. Only a whole address counts:
     * Outlook writes {@code From: Yilmaz, Connor <c.yilmaz@nhs.net>} without quotes, which a lenient parser reads as
     * "Yilmaz" and then the address.
     */
    static String replyAddressOf(ParsedMail mail, InboundMessage message) {
        List<String> replyTo = whole(MailAnatomy.addresses(mail.header("Reply-To")));
        if (!replyTo.isEmpty()) {
            return replyTo.get(0);
        }
        List<String> from = whole(MailAnatomy.addresses(mail.header("From")));
        if (!from.isEmpty()) {
            return from.get(0);
        }
        return message.sender() == null ? null : message.sender().toLowerCase(Locale.ROOT);
    }

    private static List<String> whole(List<String> addresses) {
        return addresses.stream().filter(a -> a.indexOf('@') > 0 && a.indexOf('@') < a.length() - 1).toList();
    }

    private static String describeSource(String formSource, ParsedMail mail) {
        if (formSource == null) {
            return "no form was read: its fields are entered by hand";
        }
        if (formSource.startsWith("(")) {
            return "the form was read from the email's text";
        }
        for (int i = 0; i < mail.attachments().size(); i++) {
            MailAttachment a = mail.attachments().get(i);
            if (a.fileName().equals(formSource)) {
                return "the form was read from attachment " + (i + 1) + " of " + mail.attachments().size() + " ("
                        + a.fileName() + ")" + (a.insideForwardedMessage() ? ", inside a forwarded email" : "");
            }
        }
        return "the form was read from an attachment";
    }
}
