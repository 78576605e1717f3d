package uk.gov.redbridge.onepanel.meetings;

/**
 * Where a meeting stands, by the clock and the attendance: {@code SCHEDULED → PAPERS_ISSUED} before its day; from its
 * day {@code HELD} once attendance is recorded; a day past with no attendance is {@code NOT_RECORDED} (never
 * "scheduled"); or {@code CANCELLED}. Attendance recorded before the day does not make a meeting held.
 */
public enum MeetingState {
    SCHEDULED,
    /** The pack has gone to the members. */
    PAPERS_ISSUED,
    /** Its day has come and attendance was recorded: the meeting took place. */
    HELD,
    /** Its day has passed and no attendance was recorded: it may have taken place; someone must say. */
    NOT_RECORDED,
    CANCELLED;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
