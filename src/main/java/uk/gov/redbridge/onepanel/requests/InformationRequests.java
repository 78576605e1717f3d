package uk.gov.redbridge.onepanel.requests;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.requests.internal.DailyCheck;
import uk.gov.redbridge.onepanel.requests.internal.MilestoneRepository;
import uk.gov.redbridge.onepanel.requests.internal.RepliesByHand;
import uk.gov.redbridge.onepanel.requests.internal.RequestActions;
import uk.gov.redbridge.onepanel.requests.internal.RequestChanges;
import uk.gov.redbridge.onepanel.requests.internal.RequestReplies;
import uk.gov.redbridge.onepanel.requests.internal.RequestRepository;
import uk.gov.redbridge.onepanel.requests.internal.ReturnContents;
import uk.gov.redbridge.onepanel.requests.internal.ReturnDocuments;
import uk.gov.redbridge.onepanel.requests.internal.ReturnsByHand;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Information requests to partner agencies and their returns: what the secretariat's pages, the API and the other
 * modules read and ask.
 */
@Service
public class InformationRequests {

    private final RequestRepository repository;
    private final MilestoneRepository milestones;
    private final RequestReplies replies;
    private final ReturnDocuments documents;
    private final RequestActions actions;
    private final ReturnContents contents;
    private final RequestChanges changes;
    private final RepliesByHand repliesByHand;
    private final ReturnsByHand byHand;
    private final DailyCheck dailyCheck;

    InformationRequests(RequestRepository repository, MilestoneRepository milestones, RequestReplies replies,
            ReturnDocuments documents, RequestActions actions, ReturnContents contents, RequestChanges changes,
            RepliesByHand repliesByHand, ReturnsByHand byHand, DailyCheck dailyCheck) {
        this.repository = repository;
        this.milestones = milestones;
        this.replies = replies;
        this.documents = documents;
        this.actions = actions;
        this.contents = contents;
        this.changes = changes;
        this.repliesByHand = repliesByHand;
        this.byHand = byHand;
        this.dailyCheck = dailyCheck;
    }

    /** The referral's requests, in the order they were written. */
    public List<InformationRequest> forReferral(ReferralReference reference) {
        return repository.forReferral(reference);
    }

    /** Every request sent and not answered yet, on any referral (for the dashboard's returns due and overdue). */
    public List<InformationRequest> awaitingAnswer() {
        return repository.withStatus(java.util.EnumSet.of(RequestStatus.SENT, RequestStatus.REMINDED,
                RequestStatus.OVERDUE, RequestStatus.ESCALATED));
    }

    public Optional<InformationRequest> find(RequestId id) {
        return repository.find(id);
    }

    public Optional<InformationRequest> find(ReferralReference reference, String agencyCode) {
        return repository.find(reference, agencyCode);
    }

    /** The referral's dated milestones (e.g. a Rapid Review's notification and day-15 report). */
    public List<Milestone> milestones(ReferralReference reference) {
        return milestones.milestones(reference);
    }

    /** Every message recorded against the request, oldest first, with how it was matched. */
    public List<AgencyReply> replies(RequestId id) {
        return replies.replies(id);
    }

    /** The documents of the request's return, however they came (by email, or added by hand), oldest first. */
    public List<ReturnDocument> documents(RequestId id) {
        return documents.documents(id);
    }

    /** The reminders, overdue notice and escalation of the request, as done (or skipped). */
    public List<RequestAction> actions(RequestId id) {
        return actions.actions(id);
    }

    /**
     * A return document's bytes: read again from the stored message it came in, or, for a document added by hand,
     * from the content store.
     */
    public Optional<ReturnDocumentContent> documentContent(RequestId id, UUID documentId) {
        return contents.of(id, documentId);
    }

    /**
     * Sends the referral's draft requests now, without waiting for the hold to end.
     *
     * @return how many were sent
     * @throws IllegalArgumentException if there is no such referral
     */
    @Transactional
    public int sendNow(ReferralReference reference, String actor) {
        return changes.sendNow(reference, actor);
    }

    /**
     * Adds a request for an agency (one the directory does not list for the referral's pathway is asked at its
     * address for another pathway). While the referral's other requests are still drafts, it joins them; once
     * they have gone, it goes at once. An agency the referral has a request for already gives that request; one
     * removed before its request went is put back.
     *
     * @throws IllegalArgumentException for an unknown agency, one with no request address at all, or a referral
     *                                  without requests
     * @throws IllegalStateException    for an agency whose request was cancelled after it was sent
     */
    @Transactional
    public InformationRequest addAgency(ReferralReference reference, String agencyCode, String actor) {
        return changes.addAgency(reference, agencyCode, actor);
    }

    /**
     * Takes an agency off the referral: its request becomes CANCELLED (a draft is never sent).
     *
     * @return false if it was answered or cancelled already
     * @throws IllegalArgumentException if the referral has no request for the agency
     */
    @Transactional
    public boolean removeAgency(ReferralReference reference, String agencyCode, String actor) {
        return changes.removeAgency(reference, agencyCode, actor);
    }

    /**
     * Records a stored message as the agency's reply to its request on the referral, as a person decided (e.g. from
     * the exceptions queue): a return, or "not known to the service", with its documents.
     *
     * @return false if the message was recorded against the request already
     * @throws IllegalArgumentException for an unknown referral, agency request or message
     * @throws IllegalStateException    if the request was cancelled
     */
    @Transactional
    public boolean attachReply(ReferralReference reference, String agencyCode, InboundMessageId messageId,
            String actor) {
        return attachReply(reference, agencyCode, messageId, actor, false);
    }

    /**
     * As {@link #attachReply(ReferralReference, String, InboundMessageId, String)}, with the guards against mixing
     * two cases: only a request that was sent can be answered ({@link RequestNeverSent} otherwise), and an email that
     * names another referral joins this one only when a person confirmed it
     * ({@link uk.gov.redbridge.onepanel.referrals.MessageNamesAnotherReferral} otherwise).
     */
    @Transactional
    public boolean attachReply(ReferralReference reference, String agencyCode, InboundMessageId messageId,
            String actor, boolean otherReferralConfirmed) {
        return repliesByHand.attachReply(reference, agencyCode, messageId, actor, otherReferralConfirmed);
    }

    /**
     * Undoes an attachment by hand: the reply is taken off the referral's request (which goes back to the state it
     * was in before it), with its documents. @return the agency's code, if the email was recorded on one of its
     * requests
     */
    @Transactional
    public Optional<String> detachReply(ReferralReference reference, InboundMessageId messageId, String actor) {
        return repliesByHand.detachReply(reference, messageId, actor);
    }

    /** The referral's requests that were sent (so that an agency's reply can be tied to them), in directory order. */
    public List<InformationRequest> sentRequests(ReferralReference reference) {
        return forReferral(reference).stream().filter(r -> r.sentAt() != null
                && r.status() != RequestStatus.CANCELLED).toList();
    }

    /**
     * Records that the agency said (other than by a reply the service holds) that the person is not known to its
     * service.
     *
     * @return false if the request was answered or cancelled already
     * @throws IllegalArgumentException if the referral has no request for the agency
     */
    @Transactional
    public boolean recordNotKnown(ReferralReference reference, String agencyCode, String actor) {
        return repliesByHand.recordNotKnown(reference, agencyCode, actor);
    }

    /**
     * Records an agency's return that did not come by email (sent through a secure portal such as Egress, or on
     * paper and scanned) as the secretariat uploads it: it counts as the return exactly as an emailed one does.
     *
     * <p>The document is first read in the same isolated, bounded worker as mail, without OCR
     * ({@link uk.gov.redbridge.onepanel.extraction.FormExtractor#check}); one that is password-protected, damaged,
     * of a kind the service cannot open, empty, too large or too slow to read is {@link ReturnAdded.Refused refused}
     * and nothing is stored. Then, in one transaction: the bytes go to the content store (encrypted at rest), the
     * document is listed with the request (its file name cut to a base name, the content type as given or
     * {@code application/octet-stream}, who added it), and the request is answered as a matched reply answers it:
     * RETURNED (matched {@link MatchRule#BY_HAND}), {@link ReturnReceived} published, a {@code return-by-hand:n}
     * action with who and when, a line on the referral's timeline, and the referral moved on to READY_FOR_PANEL if
     * this was the last request awaited. A draft request that has not gone yet is answered too (it will not be
     * sent); a request answered already keeps its state (RETURNED or NOT_KNOWN) and gains the document.
     *
     * <p>A request that was cancelled (its agency taken off the referral) takes no return:
     * {@link ReturnAdded.RequestCancelled}, with nothing stored; the document can be added to the referral's own
     * documents instead. The same file (same SHA-256) on the request already, however it came, gives
     * {@link ReturnAdded.AlreadyAdded} with that document's id and adds nothing, so a form submitted twice adds it
     * once. Reading the document can take seconds: call this outside a transaction.
     *
     * @param fileName    as the browser sent it (only its base name is kept)
     * @param contentType as the browser sent it; may be null
     * @param actor       who added it (their user name)
     * @throws IllegalArgumentException if {@code actor} is blank
     */
    public ReturnAdded addReturnByHand(ReferralReference reference, String agencyCode, String fileName,
            String contentType, byte[] content, String actor) {
        return byHand.add(reference, agencyCode, fileName, contentType, content, actor);
    }

    /**
     * Runs the daily deadline check now (reminders, overdue, escalations, then the digest if it is due): each step
     * happens once, however often this runs. Empty if another instance is running it.
     */
    public Optional<DeadlineCheck> runDeadlineCheck() {
        return dailyCheck.run();
    }
}
