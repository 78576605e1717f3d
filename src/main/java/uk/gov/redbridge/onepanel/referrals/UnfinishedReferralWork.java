package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.internal.StrandedIntakeWork;

/**
 * For the sweep of truth: what the referral log's own tables show unfinished (referral emails without an intake
 * outcome, referrals without an acknowledgement, reference numbers never used), finishing it, and raising as an
 * exception what cannot be finished. Each finishing method is idempotent and runs in a transaction.
 */
@Service
public class UnfinishedReferralWork {

    private final StrandedIntakeWork work;

    UnfinishedReferralWork(StrandedIntakeWork work) {
        this.work = work;
    }

    public List<InboundMessageId> referralMessagesWithoutOutcome(Instant storedBefore, int limit) {
        return work.referralMessagesWithoutOutcome(storedBefore, limit);
    }

    @Transactional
    public boolean finishIntake(InboundMessageId messageId) {
        return work.finishIntake(messageId);
    }

    @Transactional
    public boolean giveUpIntake(InboundMessageId messageId, String explanation) {
        return work.giveUpIntake(messageId, explanation);
    }

    public List<ReferralId> referralsWithoutAcknowledgement(Instant createdBefore, int limit) {
        return work.referralsWithoutAcknowledgement(createdBefore, limit);
    }

    @Transactional
    public boolean finishAcknowledgement(ReferralId id) {
        return work.finishAcknowledgement(id);
    }

    @Transactional
    public boolean giveUpAcknowledgement(ReferralId id, String explanation) {
        return work.giveUpAcknowledgement(id, explanation);
    }

    @Transactional
    public int explainUnusedReferences(Instant issuedBefore) {
        return work.explainUnusedReferences(issuedBefore);
    }
}
