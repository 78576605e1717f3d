package uk.gov.redbridge.onepanel.triage;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** A reply to the service (a referrer answering an acknowledgement, an agency answering a request). */
public record ReplyReceived(InboundMessageId messageId, String mailbox, ReplyKeys keys, boolean automatic) {
}
