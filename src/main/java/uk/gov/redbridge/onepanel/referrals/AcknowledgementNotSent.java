package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** A referral was logged but its acknowledgement could not be written; {@code reason} has no personal data. */
public record AcknowledgementNotSent(ReferralId referralId, ReferralReference reference, String reason) {
}
