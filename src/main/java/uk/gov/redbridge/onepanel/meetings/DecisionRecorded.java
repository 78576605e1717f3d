package uk.gov.redbridge.onepanel.meetings;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The panel recommended on a referral. */
public record DecisionRecorded(DecisionId decisionId, MeetingId meetingId, ReferralReference referral,
        Recommendation recommendation, boolean escalated) {
}
