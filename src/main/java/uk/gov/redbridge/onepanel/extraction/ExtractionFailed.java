package uk.gov.redbridge.onepanel.extraction;

/**
 * No form could be read.
 *
 * @param explanation plain English for the secretariat, without personal data (no names, no values from the
 *                    document), e.g. "the attachment is a password-protected PDF"
 */
public record ExtractionFailed(FailureReason reason, String explanation) implements ExtractionResult {

    /** The form the command line writes: {@code "encrypted: the attachment is a password-protected PDF"}. */
    public String describe() {
        return reason.code() + ": " + explanation;
    }
}
