package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;

/**
 * Someone at a meeting for an agency: a member, or a deputy or guest recorded by name.
 *
 * @param member one of the configured panel members
 */
public record Attendee(String name, String role, String agency, boolean member, Instant recordedAt,
        String recordedBy) {
}
