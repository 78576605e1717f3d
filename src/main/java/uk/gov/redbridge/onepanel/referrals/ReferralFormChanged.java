package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The form held for a referral changed after it was logged: the secretariat's field review, a referrer's reply that
 * filled blanks, a form added by hand, section 6 filled in after the panel. Carries no values: a listener reads the
 * referral.
 *
 * @param why in words without personal data, e.g. "Fields reviewed: 2 corrected, 0 confirmed as read"
 */
public record ReferralFormChanged(ReferralId referralId, ReferralReference reference, String why, String actor) {
}
