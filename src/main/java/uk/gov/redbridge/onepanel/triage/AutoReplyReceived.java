package uk.gov.redbridge.onepanel.triage;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** An automatic reply (out of office and the like). {@code rule} says which signal gave it away. */
public record AutoReplyReceived(InboundMessageId messageId, String mailbox, ReplyKeys keys, String rule) {
}
