package uk.gov.redbridge.onepanel.correspondence;

/**
 * A mail was caught mid-send by a crash: it may or may not have gone, and is not resent automatically.
 *
 * @param reason a short technical reason without personal data
 */
public record OutboundUncertain(OutboundMailId mailId, String referralReference, String reason) {
}
