package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * A reply tied to a request that a person must look at.
 *
 * @param reason      {@code reply_from_unknown_domain} (held: the sender's domain is not in the agency directory),
 *                    {@code reply_to_closed_request} (the request was answered or cancelled before)
 * @param explanation plain words without personal data: agency code, reference, domain
 */
public record AgencyReplyNeedsAttention(InboundMessageId messageId, String mailbox, ReferralReference reference,
        String agencyCode, String reason, String explanation) {
}
