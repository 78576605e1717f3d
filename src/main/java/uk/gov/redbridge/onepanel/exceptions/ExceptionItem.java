package uk.gov.redbridge.onepanel.exceptions;

import java.time.Instant;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * One item of the exceptions queue.
 *
 * @param explanation the specific explanation, without personal data
 * @param resolution  how it was resolved (e.g. {@code referral_created}, {@code attached}, {@code not_a_referral})
 */
public record ExceptionItem(ExceptionId id, ExceptionReason reason, String explanation, InboundMessageId messageId,
        String referralReference, UUID outboundMailId, String mailbox, ExceptionStatus status, Instant createdAt,
        Instant resolvedAt, String resolvedBy, String resolution, String resolutionNote) {
}
