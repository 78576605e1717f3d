package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;
import uk.gov.redbridge.onepanel.extraction.internal.normalising.Ages;
import uk.gov.redbridge.onepanel.extraction.internal.normalising.ContactDetails;
import uk.gov.redbridge.onepanel.extraction.internal.normalising.NhsNumbers;
import uk.gov.redbridge.onepanel.extraction.internal.normalising.UkDates;

/**
 * What an answer looks like, as evidence for or against the field a label was taken for: a date for a date field, a
 * ten-digit number passing the Modulus 11 check for an NHS number, an age, a postcode in an address, a telephone
 * number, an email address. A placeholder ("N/A", "Not known") fits any field. 1 when the answer fits, less the less
 * it does.
 */
final class ValueShapes {

    private static final LocalDate ANY_DAY = LocalDate.of(2026, 1, 1);
    private static final Pattern ENDS_WITH_POSTCODE = Pattern.compile(
            "(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}[\\s.,]*$");
    private static final Pattern ADDRESS_NOT_KNOWN = Pattern.compile(
            "(?i)(?:not known|unknown|no fixed abode|nfa|n/?a)[\\s.]*");
    private static final Pattern POSTCODE = Pattern.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^[\\d/.\\-\\s]{6,12}$|^\\d{1,2}(?:st|nd|rd|th)?\\s"
            + "+[a-z]{3,9}\\.?,?\\s+\\d{2,4}$");
    private static final Set<String> PLACEHOLDERS = Set.of("n/a", "na", "n.a.", "not applicable", "not known",
            "unknown", "none", "nk", "n/k", "tbc", "tba", "not recorded", "not provided", "nil", "-", "--", "?",
            "awaiting", "pending", "not available", "none known", "unk", "to follow", "not stated");

    private ValueShapes() {
    }

    static boolean placeholder(String value) {
        return PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", ""));
    }

    /** How well an answer fits a field, from 0 (cannot be its answer) to 1. */
    static double fit(FieldSpec field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || placeholder(v)) {
            return 1;
        }
        return switch (field.type()) {
            case DATE -> date(v) ? 1 : 0.2;
            case NHS_NUMBER -> {
                String digits = NhsNumbers.digits(v);
                yield digits != null && NhsNumbers.valid(digits) ? 1 : digits != null ? 0.6 : 0.2;
            }
            case AGE -> Ages.parse(v).isPresent() ? 1 : 0.3;
            case PHONE -> phone(v) ? 1 : 0.3;
            case EMAIL -> ContactDetails.email(v) != null ? 1 : 0.3;
            case CONTACT -> phone(v) || ContactDetails.email(v) != null ? 1 : 0.3;
            case LONG_TEXT, YES_NO -> 1;
            default -> text(field, v);
        };
    }

    private static final Pattern YES_OR_NO = Pattern.compile("(?i)^(?:yes|no)\\b.*");

    /**
     * Whether a line is plainly the answer to a field, however much it looks like a label: "No" under a yes/no
     * question (a short capitalised line, and a word of labels such as "Tel no."), or a placeholder ("N/A") under any.
     */
    static boolean plainAnswer(FieldSpec field, String value) {
        String v = value == null ? "" : value.strip();
        return !v.isEmpty() && (placeholder(v) || field.type() == ValueType.YES_NO && YES_OR_NO.matcher(v).matches());
    }

    private static double text(FieldSpec field, String v) {
        boolean date = date(v) && DATE_ONLY.matcher(v).matches();
        boolean nhs = NhsNumbers.digits(v) != null && NhsNumbers.valid(NhsNumbers.digits(v));
        boolean email = ContactDetails.email(v) != null && v.indexOf(' ') < 0;
        if (date || nhs || email) {
            // a name, a gender or an address is not a date, an NHS number or an email address
            return 0.3;
        }
        if (field.key().endsWith("address")) {
            return POSTCODE.matcher(v).find() ? 1 : 0.8;
        }
        return 1;
    }

    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'\\-]*\\.?");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "di", "ds", "pc");

    /**
     * Whether an answer reads as a person's name, for a field that takes one: a name field ("Name", "Referrer name")
     * with two to four capitalised words, or a first or last name field with one or two.
     */
    static boolean personName(FieldSpec field, String value) {
        String key = field.key();
        boolean whole = key.endsWith("name") && !key.endsWith("first_name") && !key.endsWith("last_name")
                && !key.endsWith("other_names") || key.endsWith("manager");
        boolean part = key.endsWith("first_name") || key.endsWith("last_name");
        if (!whole && !part) {
            return false;
        }
        String[] words = Words.WHITESPACE.split(value.strip());
        int names = 0;
        for (String w : words) {
            if (TITLES.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
                continue;
            }
            if (!NAME_WORD.matcher(w).matches()) {
                return false;
            }
            names++;
        }
        return whole ? names >= 2 && names <= 4 : names >= 1 && names <= 2;
    }

    /**
     * Whether an address, as read so far, is complete: it ends with a postcode, which closes a UK address, or says
     * the address is not known. A line after it is something else (an unrecognised label, or its answer).
     */
    static boolean completeAddress(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.isEmpty()) {
                return ENDS_WITH_POSTCODE.matcher(l).find() || ADDRESS_NOT_KNOWN.matcher(l).matches();
            }
        }
        return false;
    }

    /** Whether a text holds a UK postcode ("IG1 3QX"). */
    static boolean postcode(String v) {
        return POSTCODE.matcher(v).find();
    }

    static boolean date(String v) {
        return v.length() <= 40 && UkDates.parse(v, ANY_DAY).isPresent();
    }

    private static boolean phone(String v) {
        String p = ContactDetails.phone(v);
        return p != null && ContactDetails.looksLikeUkPhone(p);
    }
}
