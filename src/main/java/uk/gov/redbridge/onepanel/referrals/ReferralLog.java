package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.internal.DocumentsAddedByHand;
import uk.gov.redbridge.onepanel.referrals.internal.FieldReview;
import uk.gov.redbridge.onepanel.referrals.internal.IntakeService;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralFinder;
import uk.gov.redbridge.onepanel.referrals.internal.FieldRecords;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralDocuments;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralMessages;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralTimeline;
import uk.gov.redbridge.onepanel.referrals.internal.ReferralWriter;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.triage.Triage;

/** The referral log: what the rest of the service reads and asks of it. */
@Service
public class ReferralLog {

    private final ReferralRepository repository;
    private final ReferralDocuments documents;
    private final ReferralMessages links;
    private final ReferralTimeline history;
    private final FieldRecords fieldRecords;
    private final ReferralWriter writer;
    private final InboundMessages messages;
    private final ReferralFinder finder;
    private final FieldReview review;
    private final IntakeService intake;
    private final Triage triage;
    private final DocumentsAddedByHand handAdded;

    ReferralLog(ReferralRepository repository, ReferralDocuments documents, ReferralMessages links,
            ReferralTimeline history, FieldRecords fieldRecords, ReferralWriter writer, InboundMessages messages,
            ReferralFinder finder, FieldReview review, IntakeService intake, Triage triage, DocumentsAddedByHand handAdded) {
        this.repository = repository;
        this.documents = documents;
        this.links = links;
        this.history = history;
        this.fieldRecords = fieldRecords;
        this.writer = writer;
        this.messages = messages;
        this.finder = finder;
        this.review = review;
        this.intake = intake;
        this.triage = triage;
        this.handAdded = handAdded;
    }

    public Optional<Referral> find(ReferralReference reference) {
        return repository.find(reference);
    }

    public Optional<Referral> find(ReferralId id) {
        return repository.find(id);
    }

    /** Every referral's id, oldest first (for work over the whole log, e.g. matching people again). */
    public List<ReferralId> ids() {
        return repository.ids();
    }

    /** Newest first. */
    public List<Referral> latest(int limit) {
        return repository.latest(limit);
    }

    /** Oldest first. */
    public List<Referral> withStatus(ReferralStatus status) {
        return repository.withStatus(status);
    }

    /** Referrals received in {@code [from, to)}, oldest first: for the annual review. */
    public List<Referral> receivedBetween(java.time.Instant from, java.time.Instant to) {
        return repository.receivedBetween(from, to);
    }

    public List<ReferralDocument> documents(ReferralId id) {
        return documents.documents(id);
    }

    public List<LinkedMessage> messages(ReferralId id) {
        return links.messages(id);
    }

    public List<TimelineEntry> timeline(ReferralId id) {
        return history.timeline(id);
    }

    /** The referral a message belongs to, if any. */
    public Optional<ReferralId> referralOfMessage(InboundMessageId messageId) {
        return links.referralOfMessage(messageId);
    }

    /** A document's bytes: read from the stored message it came in, or from the store for one added by hand. */
    public Optional<DocumentContent> documentContent(ReferralId id, UUID documentId) {
        return documents.document(id, documentId).flatMap(d -> {
            if (d.messageId() == null) {
                return handAdded.bytes(d.id()).map(b -> new DocumentContent(d.fileName(), d.contentType(), b));
            }
            ParsedMail mail = messages.parsed(d.messageId());
            return mail.attachments().stream().filter(a -> a.partPath().equals(d.partPath())).findFirst()
                    .map(a -> new DocumentContent(d.fileName(), d.contentType(), a.content()));
        });
    }

    /** The largest document that can be added (the same limit as an email attachment's). */
    public long maxDocumentBytes() {
        return handAdded.maxBytes();
    }

    /**
     * Adds a document by hand, after the same bounded reading as an email attachment: a form is read and fills the
     * referral's blank fields; any other paper is kept as it is. A file that cannot be kept is refused with its
     * reason and nothing is stored; the same file twice is held once. Not one transaction: reading may take minutes.
     *
     * @throws IllegalArgumentException for an unknown referral
     */
    public DocumentAdded addDocument(ReferralReference reference, DocumentUpload upload, String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        return handAdded.add(referral, upload, actor);
    }

    /**
     * Logs a referral from a message by hand (an exception the secretariat resolved), with the form read from it if
     * there is one, else an empty form to complete on the review page. The pathway may be chosen.
     */
    @Transactional
    public Referral createFromMessage(InboundMessageId messageId, FilledForm form, String formSource,
            Pathway pathway, String actor) {
        InboundMessage message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no stored message " + messageId));
        Optional<ReferralId> existing = links.referralOfMessage(messageId);
        if (existing.isPresent()) {
            return repository.find(existing.get()).orElseThrow();
        }
        ParsedMail mail = messages.parsed(messageId);
        FilledForm used = form != null ? form : new FilledForm(null, List.of());
        // no content key: a referral made by hand does not stop a later copy of the email being linked by a person
        return writer.create(message, mail, used, formSource, null, actor, pathway);
    }

    /** Links a message to a referral by hand (e.g. an unmatched reply), with its attachments as documents. */
    @Transactional
    public boolean attachMessage(ReferralReference reference, InboundMessageId messageId, String actor) {
        return attachMessage(reference, messageId, actor, false);
    }

    /**
     * Links a message to a referral by hand, with its attachments as documents; false if it was linked already.
     *
     * @param otherReferralConfirmed a person said the email belongs here although it names another referral
     * @throws MessageNamesAnotherReferral if the email names other referrals (never this one) and no one confirmed
     */
    @Transactional
    public boolean attachMessage(ReferralReference reference, InboundMessageId messageId, String actor,
            boolean otherReferralConfirmed) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        checkBelongs(reference, messageId, otherReferralConfirmed);
        InboundMessage message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no stored message " + messageId));
        return writer.attach(referral.id(), message, messages.parsed(messageId), actor);
    }

    /**
     * The referrals an email names itself: in its subject ({@code RE: [OP-2026-0003/NELFT] ...}) or in the
     * plus-address it was sent to ({@code RSAB+op-2026-0003-nelft@...}). Known references only.
     */
    public List<ReferralReference> namedIn(InboundMessageId messageId) {
        return messages.find(messageId).map(m -> {
            StringBuilder where = new StringBuilder(m.subject() == null ? "" : m.subject());
            m.recipients().forEach(r -> where.append(' ').append(r));
            return ReferralReference.findAllIn(where.toString()).stream().filter(r -> find(r).isPresent()).toList();
        }).orElse(List.of());
    }

    /**
     * The guard every action that puts an email's content into a referral passes: the email may join this referral
     * if it names it, names none, or a person confirmed it belongs here although it names another.
     *
     * @throws MessageNamesAnotherReferral otherwise
     */
    public void checkBelongs(ReferralReference reference, InboundMessageId messageId, boolean otherReferralConfirmed) {
        List<ReferralReference> named = namedIn(messageId);
        if (!named.isEmpty() && !named.contains(reference) && !otherReferralConfirmed) {
            throw new MessageNamesAnotherReferral(named, reference);
        }
    }

    /**
     * Takes an email attached by hand off the referral again (the secretariat undoing a mistake): its link and the
     * documents that came in it; the case history says so. False if it was not linked.
     */
    @Transactional
    public boolean detachMessage(ReferralReference reference, InboundMessageId messageId, String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        InboundMessage message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no stored message " + messageId));
        return writer.detach(referral.id(), message, actor);
    }

    /** Fields where a form added later says something else than the referral holds, until the review settles them. */
    public List<FieldConflict> openConflicts(ReferralId id) {
        return fieldRecords.openConflicts(id);
    }

    /**
     * Whether the referral's pathway fits its subject's age (a child on the adults' pathway, an adult on the
     * children's, a child on the domestic homicide pathway), in plain words; empty when it fits or no age is known.
     */
    public Optional<String> pathwayConcern(Referral referral) {
        return uk.gov.redbridge.onepanel.referrals.internal.PathwayCheck.concern(referral,
                referral.receivedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
    }

    /** Open referrals (not decided, not closed) whose pathway does not fit their subject's age, oldest first. */
    public List<Referral> withPathwayConcern() {
        return java.util.stream.Stream.of(ReferralStatus.RECEIVED, ReferralStatus.NEEDS_INFORMATION,
                        ReferralStatus.SCREENING, ReferralStatus.READY_FOR_PANEL)
                .flatMap(s -> withStatus(s).stream()).filter(r -> pathwayConcern(r).isPresent())
                .sorted(java.util.Comparator.comparing(Referral::receivedAt)).toList();
    }

    /**
     * Records an agency's reply against the referral: the message is linked (role AGENCY_REPLY) and the timeline
     * says what it was. The reply's documents are held by the information request it answered.
     *
     * @param detail in words without personal data, e.g. "Return from NELFT (matched by the subject token)"
     * @return false if the message was linked to the referral already (nothing is written twice)
     */
    @Transactional
    public boolean linkAgencyReply(ReferralReference reference, InboundMessageId messageId, String detail,
            String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        return writer.linkAgencyReply(referral.id(), messageId, detail, actor);
    }

    /** Adds an entry to the referral's timeline (e.g. "Information request sent to NELFT"); no personal data. */
    @Transactional
    public void note(ReferralReference reference, String kind, String detail, String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        writer.note(referral.id(), kind, detail, actor);
    }

    /**
     * Fills in section 6 of the referral form (One Panel decision: meeting date, recommendation, follow-up action)
     * after the panel has decided; kept with the case and shown wherever the form is. A blank value clears the key.
     */
    @Transactional
    public void recordPanelDecision(ReferralReference reference, java.time.LocalDate meetingDate,
            String recommendation, String followUp, String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        FilledForm form = referral.form()
                .corrected(FieldKeys.DECISION_MEETING_DATE, meetingDate == null ? null : meetingDate.toString(), actor)
                .corrected(FieldKeys.DECISION_RECOMMENDATION, recommendation, actor)
                .corrected(FieldKeys.DECISION_FOLLOW_UP, followUp, actor);
        writer.replaceForm(referral.id(), form, actor, "Section 6 (One Panel decision) filled in");
    }

    @Transactional
    public boolean changeStatus(ReferralReference reference, ReferralStatus to, String actor, String why) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        return writer.changeStatus(referral.id(), to, actor, why);
    }

    /** The log filtered; newest first. */
    public List<Referral> search(ReferralSearch search) {
        return finder.find(search);
    }

    /** The mailboxes referrals have come from. */
    public List<String> mailboxes() {
        return finder.mailboxes();
    }

    public long countReceivedSince(Instant since) {
        return repository.countReceivedSince(since);
    }

    /** Open referrals with fields the secretariat has not checked yet. */
    public long countNeedingReview() {
        return repository.countNeedingReview();
    }

    /** Fields read with less confidence than this are doubtful: shown for checking on the review page. */
    public double reviewThreshold() {
        return review.threshold();
    }

    /** The secretariat's corrections and confirmations of the referral's fields, oldest first. */
    public List<FieldCorrection> corrections(ReferralId id) {
        return fieldRecords.corrections(id);
    }

    /**
     * Records the secretariat's review of the fields: changed values are corrections (the machine's value kept
     * beside them), doubtful values left as they are are confirmed.
     *
     * @param values checked and normalised values by canonical key; a blank value clears the field
     * @return how many fields changed
     */
    @Transactional
    public int reviewFields(ReferralReference reference, Map<String, String> values, String actor) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        return review.confirm(referral, values, actor);
    }

    /** Moves the referral to another pathway; false if it is on that pathway already. */
    @Transactional
    public boolean changePathway(ReferralReference reference, Pathway to, String actor, String why) {
        Referral referral = find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
        return writer.changePathway(referral.id(), to, actor, why);
    }

    /**
     * Reads a message that gave no referral again (after a fix to {@code form-mappings/}): a referral, with its
     * acknowledgement unless the message was automatic, or the reason there is still none.
     *
     * @throws IllegalArgumentException if there is no such message
     * @throws IllegalStateException    if the message's content was never kept (set aside as too large)
     */
    public IntakeRetried retryIntake(InboundMessageId messageId, String actor) {
        boolean acknowledge = triage.decisionFor(messageId).map(d -> !d.automatic()).orElse(true);
        return intake.retry(messageId, acknowledge, actor);
    }
}
