package uk.gov.redbridge.onepanel.mailbox;

/**
 * A message was logged but set aside before processing, e.g. because it is over the size cap. The explanation
 * never carries personal data (no subject line, no names).
 *
 * @param reason a short code, e.g. {@code too_large}
 */
public record MessageQuarantined(InboundMessageId messageId, String mailbox, String reason, String explanation) {
}
