package uk.gov.redbridge.onepanel.extraction;

/** The kind of value a field of the form holds, as {@code form-mappings/} declares it (FIELDS.md). */
public enum FieldKind {
    /** A date, held as ISO {@code yyyy-mm-dd}. */
    DATE,
    /** Ten digits with a valid Modulus 11 check digit. */
    NHS_NUMBER,
    /** Whole years. */
    AGE,
    /** Short text on one line. */
    TEXT,
    /** Free text; paragraph breaks kept. */
    LONG_TEXT,
    /** An answer to a yes/no question, kept as written (with any explanation). */
    YES_NO,
    /** A UK telephone number, kept as written. */
    PHONE,
    /** An email address. */
    EMAIL
}
