package uk.gov.redbridge.onepanel.correspondence;

/**
 * Sent: the SMTP server accepted the mail.
 *
 * @param reason a short technical reason without personal data
 */
public record OutboundSent(OutboundMailId mailId, String referralReference, String reason) {
}
