package uk.gov.redbridge.onepanel.papers.internal;

/** A document could not be turned into pages; the message is a reason in plain words, without personal data. */
class ConversionException extends RuntimeException {

    ConversionException(String reason) {
        super(reason, null, false, false);
    }
}
