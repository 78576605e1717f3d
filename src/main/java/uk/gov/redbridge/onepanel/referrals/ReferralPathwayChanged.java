package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The secretariat moved a referral to another pathway. */
public record ReferralPathwayChanged(ReferralId referralId, ReferralReference reference, Pathway from, Pathway to,
        String actor) {
}
