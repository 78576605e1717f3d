package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.LinkedMessage;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.TimelineEntry;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Read side of the referral log, for the facade (the repository stays package-private in spirit). */
@Component
public class ReferralQueries {

    private final ReferralRepository repository;

    ReferralQueries(ReferralRepository repository) {
        this.repository = repository;
    }

    public Optional<Referral> find(ReferralReference reference) {
        return repository.findByReference(reference);
    }

    public Optional<Referral> find(ReferralId id) {
        return repository.findById(id);
    }

    public List<ReferralId> ids() {
        return repository.ids();
    }

    public List<Referral> latest(int limit) {
        return repository.latest(limit);
    }

    public List<Referral> receivedBetween(java.time.Instant from, java.time.Instant to) {
        return repository.receivedBetween(from, to);
    }

    public List<Referral> withStatus(ReferralStatus status) {
        return repository.withStatus(status);
    }

    public List<ReferralDocument> documents(ReferralId id) {
        return repository.documents(id);
    }

    public Optional<ReferralDocument> document(ReferralId id, UUID documentId) {
        return repository.document(id, documentId);
    }

    public List<LinkedMessage> messages(ReferralId id) {
        return repository.messages(id);
    }

    public List<TimelineEntry> timeline(ReferralId id) {
        return repository.timeline(id);
    }

    public Optional<ReferralId> referralOfMessage(InboundMessageId messageId) {
        return repository.referralOfMessage(messageId);
    }

    public long countReceivedSince(java.time.Instant since) {
        return repository.countReceivedSince(since);
    }

    public long countNeedingReview() {
        return repository.countNeedingReview();
    }

    public List<uk.gov.redbridge.onepanel.referrals.FieldCorrection> corrections(ReferralId id) {
        return repository.corrections(id);
    }
}
