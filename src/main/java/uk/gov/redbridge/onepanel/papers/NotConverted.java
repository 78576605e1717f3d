package uk.gov.redbridge.onepanel.papers;

/**
 * A document that could not be turned into pages: listed on the cover sheet with the reason, and attached to the
 * PDF as it is (an embedded file), so nothing is silently dropped.
 *
 * @param source where it came from, e.g. "Return from MPS", "Referral attachment"
 * @param reason in plain words, without personal data, e.g. "password protected"
 */
public record NotConverted(String section, String source, String fileName, String reason) {
}
