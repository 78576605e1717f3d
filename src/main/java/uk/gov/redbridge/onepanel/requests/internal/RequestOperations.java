package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.DeadlineCheck;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.Milestone;
import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.requests.ReturnDocumentContent;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** What the facade does, kept beside the module's internals. */
@Component
public class RequestOperations {

    private final RequestRepository repository;
    private final RequestPlanner planner;
    private final RequestDispatcher dispatcher;
    private final ReturnRecorder recorder;
    private final ScreeningProgress progress;
    private final DailyCheck dailyCheck;
    private final ReferralLog referrals;
    private final AgencyDirectory directory;
    private final InboundMessages messages;
    private final ContentStore store;
    private final Clock clock;

    RequestOperations(RequestRepository repository, RequestPlanner planner, RequestDispatcher dispatcher,
            ReturnRecorder recorder, ScreeningProgress progress, DailyCheck dailyCheck, ReferralLog referrals,
            AgencyDirectory directory, InboundMessages messages, ContentStore store, Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.recorder = recorder;
        this.progress = progress;
        this.dailyCheck = dailyCheck;
        this.referrals = referrals;
        this.directory = directory;
        this.messages = messages;
        this.store = store;
        this.clock = clock;
    }

    public List<InformationRequest> forReferral(ReferralReference reference) {
        return repository.forReferral(reference);
    }

    public Optional<InformationRequest> find(RequestId id) {
        return repository.find(id);
    }

    public Optional<InformationRequest> find(ReferralReference reference, String agencyCode) {
        return repository.find(reference, agencyCode);
    }

    public List<Milestone> milestones(ReferralReference reference) {
        return repository.milestones(reference);
    }

    public List<AgencyReply> replies(RequestId id) {
        return repository.replies(id);
    }

    public List<ReturnDocument> documents(RequestId id) {
        return repository.documents(id);
    }

    public List<RequestAction> actions(RequestId id) {
        return repository.actions(id);
    }

    /** From the content store for a document added by hand, else read again from the message it came in. */
    public Optional<ReturnDocumentContent> documentContent(RequestId id, UUID documentId) {
        return repository.document(id, documentId).flatMap(d -> {
            Optional<ContentId> added = repository.contentOf(id, documentId);
            if (added.isPresent()) {
                return Optional.of(new ReturnDocumentContent(d.fileName(), d.contentType(), store.get(added.get())));
            }
            return ReturnParts.find(messages.parsed(d.messageId()), d.partPath())
                    .map(p -> new ReturnDocumentContent(d.fileName(), d.contentType(), p.content()));
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int sendNow(ReferralReference reference, String actor) {
        referral(reference);
        return dispatcher.sendDrafts(reference, true, actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public InformationRequest addAgency(ReferralReference reference, String agencyCode, String actor) {
        Referral referral = referral(reference);
        Agency agency = directory.byCode(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + agencyCode + " in the directory"));
        List<InformationRequest> existing = repository.forReferral(reference);
        if (existing.isEmpty()) {
            throw new IllegalArgumentException("the referral " + reference + " has no information requests yet");
        }
        // joins the drafts while they wait; goes at once when the others have gone
        Instant now = clock.instant();
        Instant sendAfter = existing.stream().filter(r -> r.status() == RequestStatus.DRAFT)
                .map(InformationRequest::sendAfter).findFirst().orElse(now);
        Optional<InformationRequest> already = existing.stream()
                .filter(r -> r.agencyCode().equalsIgnoreCase(agency.code())).findFirst();
        RequestId id;
        if (already.isEmpty()) {
            id = planner.draft(referral, agency, sendAfter, actor).orElseThrow().id();
        } else if (already.get().status() != RequestStatus.CANCELLED) {
            return already.get();
        } else if (repository.restoreDraft(already.get().id(), sendAfter, now)) {
            id = already.get().id();
        } else {
            throw new IllegalStateException("the request " + already.get().token()
                    + " was cancelled after it was sent: attach the agency's reply by hand if it comes");
        }
        referrals.note(reference, "REQUESTS", agency.name() + " added to the information requests",
                actor);
        if (!sendAfter.isAfter(now)) {
            dispatcher.sendDrafts(reference, false, actor);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean removeAgency(ReferralReference reference, String agencyCode, String actor) {
        referral(reference);
        InformationRequest request = repository.find(reference, agencyCode).orElseThrow(() ->
                new IllegalArgumentException("the referral " + reference + " has no request for " + agencyCode));
        boolean cancelled = repository.changeStatus(request.id(), Set.of(RequestStatus.DRAFT, RequestStatus.SENT,
                RequestStatus.REMINDED, RequestStatus.OVERDUE, RequestStatus.ESCALATED), RequestStatus.CANCELLED,
                clock.instant());
        if (cancelled) {
            referrals.note(reference, "REQUESTS", "The request to " + directory.nameOf(request.agencyCode())
                    + " was cancelled"
                    + (request.status() == RequestStatus.DRAFT ? " before it was sent" : ""), actor);
            progress.check(reference);
        }
        return cancelled;
    }

    public List<InformationRequest> awaitingAnswer() {
        return repository.withStatus(java.util.EnumSet.of(RequestStatus.SENT, RequestStatus.REMINDED,
                RequestStatus.OVERDUE, RequestStatus.ESCALATED));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordNotKnown(ReferralReference reference, String agencyCode, String actor) {
        referral(reference);
        InformationRequest request = repository.find(reference, agencyCode).orElseThrow(() ->
                new IllegalArgumentException("the referral " + reference + " has no request for " + agencyCode));
        return recorder.recordNotKnownByHand(request, actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean attachReply(ReferralReference reference, String agencyCode, InboundMessageId messageId,
            String actor, boolean otherReferralConfirmed) {
        referral(reference);
        InformationRequest request = repository.find(reference, agencyCode).orElseThrow(() ->
                new IllegalArgumentException("the referral " + reference + " has no request for " + agencyCode));
        if (request.sentAt() == null) {
            // a draft never sent cannot have been answered: a reply "to" it belongs to something else
            throw new uk.gov.redbridge.onepanel.requests.RequestNeverSent(request.reference(), request.agencyCode());
        }
        referrals.checkBelongs(reference, messageId, otherReferralConfirmed);
        InboundMessage message = messages.find(messageId)
                .filter(m -> !m.quarantined())
                .orElseThrow(() -> new IllegalArgumentException("no stored message " + messageId));
        return recorder.record(request, message, MatchRule.BY_HAND, actor) == ReturnRecorder.Outcome.RECORDED;
    }

    /**
     * Takes a reply attached by hand off its request again: its documents and record go; a request it answered goes
     * back to the state it was in before. @return the agency whose request it was, if the message was recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> detachReply(ReferralReference reference, InboundMessageId messageId, String actor) {
        referral(reference);
        for (RequestId id : repository.requestsReplied(messageId)) {
            InformationRequest request = repository.find(id).orElseThrow();
            if (!request.reference().equals(reference)) {
                continue;
            }
            Optional<RequestStatus> before = repository.statusBefore(id, messageId);
            repository.removeReply(id, messageId);
            boolean reopened = before.isPresent() && repository.unanswer(id, before.get(), clock.instant());
            referrals.note(reference, "REQUESTS", "The email attached by hand as the reply of "
                    + directory.nameOf(request.agencyCode()) + " was taken off its request again"
                    + (reopened ? "; the request is " + before.get().label().toLowerCase(java.util.Locale.ROOT)
                            + " again" : ""), actor);
            return Optional.of(request.agencyCode());
        }
        return Optional.empty();
    }

    public Optional<DeadlineCheck> runDeadlineCheck() {
        return dailyCheck.run();
    }

    private Referral referral(ReferralReference reference) {
        return referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
    }
}
