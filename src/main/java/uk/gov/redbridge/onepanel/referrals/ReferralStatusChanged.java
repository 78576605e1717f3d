package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** @param actor who changed it ({@code system} for the service itself) */
public record ReferralStatusChanged(ReferralId referralId, ReferralReference reference, ReferralStatus from,
        ReferralStatus to, String actor) {
}
