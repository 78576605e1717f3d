package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A panel meeting.
 *
 * @param slot           the month of the schedule it stands for ({@code 2026-06}), or null for a meeting added by
 *                       hand
 * @param papersDeadline the day the pack is due to members: working days before the meeting
 */
public record Meeting(MeetingId id, String slot, LocalDate date, LocalTime startsAt, String location,
        LocalDate papersDeadline, MeetingState state, String cancelledReason, Instant cancelledAt,
        String cancelledBy) {
}
