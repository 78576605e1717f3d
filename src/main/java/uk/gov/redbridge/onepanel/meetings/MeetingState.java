package uk.gov.redbridge.onepanel.meetings;

/** Where a meeting stands: {@code SCHEDULED → PAPERS_ISSUED → HELD}, or {@code CANCELLED}. */
public enum MeetingState {
    SCHEDULED("Scheduled"),
    /** The pack has gone to the members. */
    PAPERS_ISSUED("Papers issued"),
    /** Attendance was recorded: the meeting took place. */
    HELD("Held"),
    CANCELLED("Cancelled");

    private final String label;

    MeetingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
