package uk.gov.redbridge.onepanel.meetings;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The board or partnership ratified or changed the panel's recommendation. */
public record BoardDecisionRecorded(DecisionId decisionId, ReferralReference referral, Recommendation decision,
        boolean ratified) {
}
