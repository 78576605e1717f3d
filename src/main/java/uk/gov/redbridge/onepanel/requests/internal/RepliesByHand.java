package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * What a person decides about an agency's reply: this email is the reply to that request (or is not after all), or
 * the agency said the person is not known to it. Each runs inside the caller's transaction.
 */
@Component
public class RepliesByHand {

    private final RequestRepository repository;
    private final RequestReplies replies;
    private final ReturnRecorder recorder;
    private final ReferralLog referrals;
    private final AgencyDirectory directory;
    private final InboundMessages messages;
    private final Clock clock;

    RepliesByHand(RequestRepository repository, RequestReplies replies, ReturnRecorder recorder, ReferralLog referrals,
            AgencyDirectory directory, InboundMessages messages, Clock clock) {
        this.repository = repository;
        this.replies = replies;
        this.recorder = recorder;
        this.referrals = referrals;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
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
        for (RequestId id : replies.requestsReplied(messageId)) {
            InformationRequest request = repository.find(id).orElseThrow();
            if (!request.reference().equals(reference)) {
                continue;
            }
            Optional<RequestStatus> before = replies.statusBefore(id, messageId);
            replies.removeReply(id, messageId);
            boolean reopened = before.isPresent() && repository.unanswer(id, before.get(), clock.instant());
            referrals.note(reference, "REQUESTS", "The email attached by hand as the reply of "
                    + directory.nameOf(request.agencyCode()) + " was taken off its request again"
                    + (reopened ? "; the request is " + before.get().label().toLowerCase(java.util.Locale.ROOT)
                            + " again" : ""), actor);
            return Optional.of(request.agencyCode());
        }
        return Optional.empty();
    }

    private Referral referral(ReferralReference reference) {
        return referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
    }
}
