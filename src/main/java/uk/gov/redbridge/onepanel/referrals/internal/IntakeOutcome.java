package uk.gov.redbridge.onepanel.referrals.internal;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.ReferralId;

/** What intake decided for a message: its outcome, the referral it gave or joined, and why. */
record IntakeOutcome(InboundMessageId messageId, String contentKey, String outcome, ReferralId referralId,
        String reason) {
}
