package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/**
 * A dated statutory milestone of a referral, e.g. the Rapid Review's notification to the national panel and its
 * day-15 report, counted in working days from the day the referral was received.
 *
 * @param kind  the configured name, e.g. {@code national-panel-notification}
 * @param label in words, e.g. "National panel notification"
 */
public record Milestone(ReferralReference reference, String kind, String label, Deadline deadline) {
}
