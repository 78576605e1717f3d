package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The panel asked for more before it recommends; members answer by email by the due date. */
public record FurtherInformation(UUID id, AgendaItemId itemId, String question, LocalDate due, Instant requestedAt,
        String requestedBy, List<MemberAnswer> answers) {
}
