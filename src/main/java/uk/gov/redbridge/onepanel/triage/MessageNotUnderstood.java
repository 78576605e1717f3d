package uk.gov.redbridge.onepanel.triage;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** A message the service cannot act on; {@code explanation} has no personal data. */
public record MessageNotUnderstood(InboundMessageId messageId, String mailbox, String reason, String explanation) {
}
