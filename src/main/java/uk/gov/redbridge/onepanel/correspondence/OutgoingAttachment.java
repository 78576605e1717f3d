package uk.gov.redbridge.onepanel.correspondence;

/** A file to attach to an outgoing email. */
public record OutgoingAttachment(String fileName, String contentType, byte[] content) {
}
