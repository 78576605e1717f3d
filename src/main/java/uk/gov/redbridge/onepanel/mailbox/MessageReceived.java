package uk.gov.redbridge.onepanel.mailbox;

/**
 * Published in the transaction that stores a new inbound message (so recorded by the event publication registry
 * and redelivered after a crash). Listeners must be idempotent.
 */
public record MessageReceived(InboundMessageId messageId, String mailbox) {
}
