package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A reply that no handler could tie to a referral or request, or that could belong to more than one.
 *
 * @param reason {@code unmatched_reply} or {@code ambiguous_reply}
 */
public record ReplyNotMatched(InboundMessageId messageId, String mailbox, String reason, String explanation,
        String referralReference) {
}
