package uk.gov.redbridge.onepanel.extraction;

import java.util.Locale;

/** Why no form could be read. The codes are the words the command line and the exceptions queue show. */
public enum FailureReason {
    /** Password-protected or encrypted: the secretariat must ask the referrer for an open copy. */
    ENCRYPTED,
    /** The file is damaged or is not what its name says. */
    CORRUPT,
    /** The file or message has no content. */
    EMPTY,
    /** A readable document that is not an Appendix E referral form (a chronology, a letter). */
    NOT_A_FORM,
    /** An email in which no attachment and no body text holds a referral form. */
    NO_FORM_FOUND,
    /** A scan or image with no text layer, and no OCR engine is installed. */
    NEEDS_OCR,
    /** Over a configured size, page, entry or decompression limit. */
    TOO_LARGE,
    /** Parsing took longer than the configured limit and was stopped. */
    TIMEOUT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
