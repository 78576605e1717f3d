package uk.gov.redbridge.onepanel.correspondence;

import java.time.Instant;
import java.util.List;

/**
 * An outbox row as the rest of the service sees it.
 *
 * @param messageId the Message-ID header, with angle brackets
 * @param lastError a short technical reason (SMTP code and category), never personal data
 */
public record OutboundMail(OutboundMailId id, String messageId, String template, String fromMailbox,
        String fromAddress, List<String> to, List<String> cc, String subject, OutboundState state, int attempts,
        Instant createdAt, Instant sentAt, String lastError, String referralReference, String correlation) {
}
