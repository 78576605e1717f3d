package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as British staff write them, day first: {@code 3/4/26}, {@code 03.04.2026}, {@code 3-4-2026},
 * {@code 3rd April 2026}, {@code 3rd of April, 2026}, {@code 03-Apr-26}, {@code Thursday 3 April 2026},
 * {@code April 3rd, 2026} (a month written in words is never ambiguous), and ISO {@code 2026-04-03}. A two-digit
 * year is this century up to next year, the last century otherwise ({@code 59} is 1959, {@code 25} is 2025).
 */
public final class UkDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?"
            + "\\.?,?\\s+)?";
    private static final Pattern ISO = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile(
            "^(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern NUMERIC_SPACED = Pattern.compile("^(\\d{1,2})\\s+(\\d{1,2})\\s+(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^" + WEEKDAY + "(\\d{1,2})\\s*(?:st|nd|rd|th)?\\s*(?:of\\s+)?[\\s\\-/.,]*" + MONTH
                    + "[\\s\\-/.,]*(\\d{4}|'?\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "^" + WEEKDAY + MONTH + "\\s+(\\d{1,2})\\s*(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{4})$");

    private UkDates() {
    }

    /**
     * The date at the start of {@code text}, ignoring anything after it ("04/09/2025 (approx.)").
     *
     * @param today decides the century of two-digit years
     */
    public static Optional<LocalDate> parse(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace('\u2013', '-').replace('\u2014', '-')
                .replaceAll("\\s+", " ");
        s = s.replaceFirst("^(?:on|dated?|d\\.o\\.b\\.?|approx(?:imately|\\.)?|c\\.|circa)\\s*:?\\s*", "");
        // "Fri 3/4/26": the day of the week adds nothing
        s = s.replaceFirst("^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+(?=\\d)", "");
        try {
            Matcher m = ISO.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)));
            }
            m = NUMERIC.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(year(m.group(4), today), i(m, 3), i(m, 1)));
            }
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(year(m.group(3), today), month(m.group(2)), i(m, 1)));
            }
            m = MONTH_DAY_YEAR.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(i(m, 3), month(m.group(1)), i(m, 2)));
            }
            m = NUMERIC_SPACED.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)));
            }
            m = COMPACT.matcher(s);
            if (m.find()) {
                return Optional.of(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)));
            }
        } catch (DateTimeException e) {
            // 31/02/2026 and the like: not a date
        }
        return Optional.empty();
    }

    static int year(String y, LocalDate today) {
        String digits = y.replace("'", "");
        int n = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return n;
        }
        int pivot = today.getYear() % 100 + 1;
        return n <= pivot ? 2000 + n : 1900 + n;
    }

    private static int month(String name) {
        String key = name.replace(".", "");
        key = key.length() >= 4 && key.startsWith("sept") ? "sept" : key.substring(0, 3);
        return MONTHS.get(key);
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
