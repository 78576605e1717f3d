package uk.gov.redbridge.onepanel.requests;

/** A return document's bytes, with the name and type to serve it under. */
public record ReturnDocumentContent(String fileName, String contentType, byte[] bytes) {
}
