package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A document held with a referral: a part of a stored message.
 *
 * @param role FORM (the referral form), ATTACHMENT (anything else the referrer sent), REPLY_ATTACHMENT
 */
public record ReferralDocument(UUID id, InboundMessageId messageId, String partPath, String fileName,
        String contentType, long size, String sha256, String role, Instant addedAt) {
}
