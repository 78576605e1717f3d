package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;

/** A follow-up action of a decision, with who owns it and when it is due (may be null). */
public record FollowUpAction(String description, String owner, LocalDate due) {
}
