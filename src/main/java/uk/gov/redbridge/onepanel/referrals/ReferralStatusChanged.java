package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

public record ReferralStatusChanged(ReferralId referralId, ReferralReference reference, ReferralStatus from,
        ReferralStatus to) {
}
