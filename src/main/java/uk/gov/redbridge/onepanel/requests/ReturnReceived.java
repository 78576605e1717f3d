package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** An agency answered its request: {@code status} is RETURNED or NOT_KNOWN. */
public record ReturnReceived(RequestId requestId, ReferralReference reference, String agencyCode,
        RequestStatus status, InboundMessageId messageId) {
}
