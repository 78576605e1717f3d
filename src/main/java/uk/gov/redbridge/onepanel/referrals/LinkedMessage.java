package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A message that belongs to a referral.
 *
 * @param role ORIGINAL, DUPLICATE_COPY (the same email again, or in another mailbox), REFERRER_REPLY,
 *             ATTACHED (linked by the secretariat), AGENCY_REPLY
 */
public record LinkedMessage(InboundMessageId messageId, String role, Instant linkedAt, String linkedBy) {
}
