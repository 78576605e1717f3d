package uk.gov.redbridge.onepanel.requests;

import java.time.LocalDate;

/** What one run of the daily deadline check did. */
public record DeadlineCheck(LocalDate day, int remindersSent, int markedOverdue, int escalated, boolean digestSent) {
}
