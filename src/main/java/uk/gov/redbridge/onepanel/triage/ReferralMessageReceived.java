package uk.gov.redbridge.onepanel.triage;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A message that may hold a referral form.
 *
 * @param automatic it carried automatic-mail signals (it is still read, but never answered automatically)
 */
public record ReferralMessageReceived(InboundMessageId messageId, String mailbox, boolean automatic) {
}
