package uk.gov.redbridge.onepanel.shared;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference a referral is known by in every email and page: {@code OP-2026-0001}. Sequential per year,
 * never reused; the number part is at least four digits and may grow past 9999.
 */
public record ReferralReference(int year, int number) implements Comparable<ReferralReference> {

    /** Finds a reference anywhere in a text, in any letter case: {@code op-2026-0001} in a plus-address too. */
    public static final Pattern IN_TEXT = Pattern.compile("(?<![A-Za-z0-9])OP-(\\d{4})-(\\d{4,6})(?![0-9])",
            Pattern.CASE_INSENSITIVE);

    public ReferralReference {
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("number out of range: " + number);
        }
    }

    public static ReferralReference parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a referral reference"));
    }

    /** The whole text must be a reference (trimmed, any case). */
    public static Optional<ReferralReference> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text.trim());
        return m.matches() ? of(m) : Optional.empty();
    }

    /** The first reference found in a text, if any. */
    public static Optional<ReferralReference> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            Optional<ReferralReference> found = of(m);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Every reference a text names, in the order they come, each once. */
    public static java.util.List<ReferralReference> findAllIn(String text) {
        java.util.LinkedHashSet<ReferralReference> out = new java.util.LinkedHashSet<>();
        if (text != null) {
            Matcher m = IN_TEXT.matcher(text);
            while (m.find()) {
                of(m).ifPresent(out::add);
            }
        }
        return java.util.List.copyOf(out);
    }

    /** Something shaped like a reference but out of range (OP-1999-0001, OP-2026-0000) is not one. */
    private static Optional<ReferralReference> of(Matcher m) {
        try {
            return Optional.of(new ReferralReference(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format("OP-%04d-%04d", year, number);
    }

    @Override
    public int compareTo(ReferralReference o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }
}
