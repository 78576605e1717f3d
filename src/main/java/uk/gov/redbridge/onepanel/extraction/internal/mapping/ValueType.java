package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.Locale;

/** How a field's value is read, normalised and checked. The names are the words used in form-mappings files. */
public enum ValueType {
    /** A day-first date, normalised to ISO {@code yyyy-mm-dd}. */
    DATE,
    /** Ten digits with a valid Modulus 11 check digit. */
    NHS_NUMBER,
    /** Whole years. */
    AGE,
    /** Short text, white space collapsed. */
    TEXT,
    /** Free text; paragraph breaks kept. */
    LONG_TEXT,
    /** An answer to a yes/no question, possibly ticked; kept as written (with any explanation). */
    YES_NO,
    /** A UK telephone number, kept as written. */
    PHONE,
    /** An email address. */
    EMAIL,
    /** Telephone and email in one answer, split into the two fields named by {@code into}. */
    CONTACT,
    /** A full name, split into the first-name and last-name fields named by {@code into}. */
    FULL_NAME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValueType fromCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ValueType t : values()) {
            if (t.code().equals(c)) {
                return t;
            }
        }
        return null;
    }

    public boolean longText() {
        return this == LONG_TEXT || this == YES_NO;
    }
}
