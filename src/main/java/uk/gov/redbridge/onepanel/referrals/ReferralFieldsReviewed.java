package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The secretariat confirmed a referral's fields on the review page.
 *
 * @param changed   how many fields they corrected
 * @param confirmed how many doubtful fields they confirmed as read
 */
public record ReferralFieldsReviewed(ReferralId referralId, ReferralReference reference, int changed, int confirmed,
        String actor) {
}
