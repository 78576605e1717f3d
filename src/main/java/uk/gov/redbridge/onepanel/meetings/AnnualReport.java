package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;
import java.util.List;

/**
 * The Chair's annual review of every referral received in a period: counts by pathway, mailbox, referring agency and
 * outcome; working days at each step; returns on time per agency; and, for referrals that did not progress to a
 * review, breakdowns by age band, gender, ethnicity and disability beside those that did. Counts of 1 to 4 are shown
 * as "&lt;5", and where a total would reveal one, a second cell is suppressed too ({@link Cell#shown()}); the
 * {@code count} is the true number, for the secretariat and checks, never for a published copy.
 */
public record AnnualReport(LocalDate from, LocalDate to, Cell referrals, List<Breakdown> breakdowns,
        List<StepTime> steps, List<AgencyReturns> returns, List<Comparison> comparisons) {

    /** @param shown what a published copy prints: the number, "&lt;5", or "*" for a complementary suppression */
    public record Cell(int count, String shown) {

        public boolean suppressed() {
            return !shown.equals(Integer.toString(count));
        }
    }

    public record Row(String label, Cell cell) {
    }

    public record Breakdown(String title, List<Row> rows, Cell total) {
    }

    /**
     * Working days between two steps of the referrals that reached both.
     *
     * @param shown false when fewer than 5 referrals reached both (the times are then not published)
     */
    public record StepTime(String step, int referrals, Double medianWorkingDays, Double meanWorkingDays,
            Integer longestWorkingDays, boolean shown) {
    }

    public record AgencyReturns(String agency, String name, Cell requests, Cell onTime, Cell late, Cell notReturned) {
    }

    public record ComparisonRow(String label, Cell progressed, Cell notProgressed) {
    }

    /** Referrals that progressed to a review beside those that did not (undecided referrals are left out). */
    public record Comparison(String title, List<ComparisonRow> rows, Cell progressedTotal, Cell notProgressedTotal) {
    }
}
