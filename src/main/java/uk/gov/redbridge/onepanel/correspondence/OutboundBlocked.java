package uk.gov.redbridge.onepanel.correspondence;

/**
 * A mail was not sent because a recipient is outside the allowed domains or a loop guard tripped.
 *
 * @param reason a short technical reason without personal data
 */
public record OutboundBlocked(OutboundMailId mailId, String referralReference, String reason) {
}
