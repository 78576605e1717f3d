package uk.gov.redbridge.onepanel.referrals;

import java.util.Optional;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * What a retried intake gave: a referral (new, or the one the message already belonged to), or again no form, with
 * the reason code and a plain explanation without personal data.
 */
public record IntakeRetried(ReferralReference reference, String failureReason, String explanation) {

    public Optional<ReferralReference> referral() {
        return Optional.ofNullable(reference);
    }
}
