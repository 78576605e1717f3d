package uk.gov.redbridge.onepanel.papers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a meeting's pack is made of: the agenda's heading and its items, in order.
 *
 * @param meetingId      the meeting (the meetings module's id)
 * @param heading        e.g. "One Panel meeting, Tuesday 9 June 2026, 10:00"
 * @param papersDeadline the day the papers are due to members
 * @param notes          lines printed under the agenda (e.g. where the meeting is), without personal data
 */
public record PackRequest(UUID meetingId, String heading, LocalDate meetingDate, LocalDate papersDeadline,
        List<String> notes, List<AgendaLine> items) {

    public PackRequest {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(heading, "heading");
        notes = notes == null ? List.of() : List.copyOf(notes);
        items = List.copyOf(items);
    }
}
