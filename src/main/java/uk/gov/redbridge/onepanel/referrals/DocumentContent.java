package uk.gov.redbridge.onepanel.referrals;

/** A document's bytes, with the name and type to serve it under. */
public record DocumentContent(String fileName, String contentType, byte[] bytes) {
}
