package uk.gov.redbridge.onepanel.correspondence;

/**
 * A delivery failure report came back for a sent mail.
 *
 * @param reason a short technical reason without personal data
 */
public record OutboundBounced(OutboundMailId mailId, String referralReference, String reason) {
}
