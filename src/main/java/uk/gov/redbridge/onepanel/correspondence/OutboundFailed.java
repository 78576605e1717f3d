package uk.gov.redbridge.onepanel.correspondence;

/**
 * A mail could not be delivered: a permanent SMTP failure or retries exhausted.
 *
 * @param reason a short technical reason without personal data
 */
public record OutboundFailed(OutboundMailId mailId, String referralReference, String reason) {
}
