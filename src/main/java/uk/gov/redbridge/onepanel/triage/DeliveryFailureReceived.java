package uk.gov.redbridge.onepanel.triage;

import java.util.List;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A delivery failure report.
 *
 * @param originalMessageIds the service's own message ids named in the report (the mail that bounced), if any
 * @param failedRecipients   the recipients the report says failed, lower case
 * @param status             the first RFC 3463 status code in the report (e.g. {@code 5.1.1}), or null
 */
public record DeliveryFailureReceived(InboundMessageId messageId, String mailbox, List<String> originalMessageIds,
        List<String> failedRecipients, String status) {
}
