package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * An agreed review, tracked until its final report is shared with the panel.
 *
 * @param dutyHolder the board or partnership that commissions it and oversees its actions (RSAB, RSCP, CSP), or
 *                   "One Panel" for a non-statutory review
 */
public record Review(ReviewId id, ReferralReference referral, DecisionId decisionId, Recommendation type,
        String dutyHolder, State state, LocalDate commissionedOn, String reviewer, LocalDate finalReportSharedOn,
        List<Milestone> milestones, List<Action> actions) {

    public enum State { COMMISSIONED, IN_PROGRESS, FINAL_REPORT_SHARED }

    public record Milestone(UUID id, String name, LocalDate due, LocalDate done) {

        public boolean overdueOn(LocalDate today) {
            return done == null && due.isBefore(today);
        }
    }

    public record Action(UUID id, String description, String owner, String overseenBy, LocalDate due,
            LocalDate done) {
    }
}
