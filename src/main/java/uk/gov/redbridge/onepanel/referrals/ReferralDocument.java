package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A document held with a referral: a part of a stored message, or a file added by hand.
 *
 * @param messageId the message it came in; null for a document added by hand
 * @param partPath  its part in that message; null for a document added by hand
 * @param role      FORM (a referral form), ATTACHMENT (anything else the referrer sent), REPLY_ATTACHMENT, ADDED
 *                  (a paper the secretariat added by hand)
 * @param addedBy   who added it by hand; null for a document that came by email
 */
public record ReferralDocument(UUID id, InboundMessageId messageId, String partPath, String fileName,
        String contentType, long size, String sha256, String role, Instant addedAt, String addedBy) {

    public boolean addedByHand() {
        return addedBy != null;
    }
}
