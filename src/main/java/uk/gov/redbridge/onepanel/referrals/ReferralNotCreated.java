package uk.gov.redbridge.onepanel.referrals;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A referral message from which no referral could be made.
 *
 * @param reason      the extraction failure code ({@code no_form_found}, {@code encrypted}, ...)
 * @param explanation plain English without personal data
 */
public record ReferralNotCreated(InboundMessageId messageId, String mailbox, String reason, String explanation) {
}
