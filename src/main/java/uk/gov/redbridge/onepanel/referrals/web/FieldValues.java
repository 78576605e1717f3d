package uk.gov.redbridge.onepanel.referrals.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.FieldKind;

/**
 * Checks and normalises what a person typed, as extraction normalises what it reads (FIELDS.md): dates day-first to
 * ISO, NHS numbers to ten digits with a valid Modulus 11 check digit, ages to whole years. Placeholders such as
 * "Not known" are values, kept as written.
 */
final class FieldValues {

    /** The result: the normalised value, or the message key of what is wrong. */
    record Checked(String value, String errorKey) {

        static Checked ok(String value) {
            return new Checked(value, null);
        }

        static Checked wrong(String errorKey) {
            return new Checked(null, errorKey);
        }

        boolean valid() {
            return errorKey == null;
        }
    }

    private static final Set<String> PLACEHOLDERS = Set.of("n/a", "na", "not known", "unknown", "none",
            "not applicable");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\- ](\\d{1,2})[/.\\- ](\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final int MAX_LENGTH = 10_000;

    private FieldValues() {
    }

    static Checked check(FieldKind kind, String typed, LocalDate today) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty() || PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT))) {
            return Checked.ok(value);
        }
        if (value.length() > MAX_LENGTH) {
            return Checked.wrong("review.error.tooLong");
        }
        switch (kind) {
            case DATE:
                return date(value, today).map(d -> Checked.ok(d.toString())).orElse(Checked.wrong("review.error.date"));
            case NHS_NUMBER:
                String digits = value.replaceAll("[\\s-]", "");
                return validNhsNumber(digits) ? Checked.ok(digits) : Checked.wrong("review.error.nhsNumber");
            case AGE:
                String years = value.replaceAll("(?i)\\s*(years?|yrs?)\\.?$", "");
                if (years.matches("\\d{1,3}") && Integer.parseInt(years) <= 130) {
                    return Checked.ok(Integer.toString(Integer.parseInt(years)));
                }
                return Checked.wrong("review.error.age");
            case EMAIL:
                return value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? Checked.ok(value)
                        : Checked.wrong("review.error.email");
            case TEXT, PHONE, YES_NO:
                return Checked.ok(value.replaceAll("\\s+", " "));
            default:
                return Checked.ok(value.replace("\r\n", "\n"));
        }
    }

    /**
     * A date written day-first (27/3/2026, 27.03.26, 27-3-2026) or as ISO (2026-03-27). A two-digit year is this
     * century's up to this year, else the last century's.
     */
    static Optional<LocalDate> date(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher m = DAY_FIRST.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += year <= today.getYear() % 100 ? 2000 : 1900;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Ten digits whose tenth is the Modulus 11 check digit of the first nine (NHS Data Dictionary). */
    static boolean validNhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
