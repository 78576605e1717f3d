package uk.gov.redbridge.onepanel.meetings;

/** Where a meeting stands: {@code SCHEDULED → PAPERS_ISSUED → HELD}, or {@code CANCELLED}. */
public enum MeetingState {
    SCHEDULED,
    /** The pack has gone to the members. */
    PAPERS_ISSUED,
    /** Attendance was recorded: the meeting took place. */
    HELD,
    CANCELLED;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
