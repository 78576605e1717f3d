package uk.gov.redbridge.onepanel.exceptions;

import java.util.Arrays;
import java.util.Locale;

/** Why something is in the queue, with the plain words the secretariat sees. */
public enum ExceptionReason {
    ENCRYPTED,
    CORRUPT,
    EMPTY,
    NOT_A_FORM,
    NO_FORM_FOUND,
    NEEDS_OCR,
    TOO_LARGE,
    TIMEOUT,
    MALFORMED,
    FETCH_FAILED,
    STORE_FAILED,
    UNMATCHED_REPLY,
    AMBIGUOUS_REPLY,
    REPLY_FROM_UNKNOWN_DOMAIN,
    REPLY_TO_CLOSED_REQUEST,
    DELIVERY_FAILURE,
    OUTBOUND_BLOCKED,
    OUTBOUND_FAILED,
    OUTBOUND_UNCERTAIN,
    INFORMATION_REPLY,
    STUCK,
    // issue 11: hostile input and storms
    TOO_COMPLEX,
    SEVERAL_PEOPLE,
    LOOP_GUARD,
    OTHER;

    /** In plain words (words/words.properties). */
    public String title() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    /** What usually resolves it. */
    public String action() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this, "action");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExceptionReason fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code)).findFirst().orElse(OTHER);
    }
}
