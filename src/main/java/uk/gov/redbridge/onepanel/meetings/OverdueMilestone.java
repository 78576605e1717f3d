package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** A review milestone past its date and not done: for the dashboard. */
public record OverdueMilestone(ReviewId reviewId, ReferralReference referral, Recommendation type, String milestone,
        LocalDate due, int workingDaysOverdue) {
}
