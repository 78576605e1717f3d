package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The referrer answered (usually a request for missing information). {@code stillMissing} is empty when the reply
 * supplied everything that was asked for.
 */
public record ReferrerReplied(ReferralId referralId, ReferralReference reference, InboundMessageId messageId,
        java.util.List<String> stillMissing) {
}
