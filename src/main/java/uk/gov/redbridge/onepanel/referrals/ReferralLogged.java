package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** A new referral is in the log. */
public record ReferralLogged(ReferralId referralId, ReferralReference reference, Pathway pathway,
        ReferralStatus status) {
}
