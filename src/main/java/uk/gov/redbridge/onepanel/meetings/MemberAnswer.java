package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;

/**
 * A member's answer by email to a request for further information.
 *
 * @param position the recommendation the answer starts with, when it names one
 * @param text     the answer's text (as the member wrote it, cut to a length)
 */
public record MemberAnswer(String name, String agency, String email, Recommendation position, String text,
        Instant receivedAt) {
}
