package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages as written ("34", "34 years", "34 yrs old", "aged 34", "34y", "6 months") in whole years. */
public final class Ages {

    private static final Pattern YEARS = Pattern.compile(
            "^(?:aged?\\s*:?\\s*)?(\\d{1,3})\\s*(?:years?|yrs?\\.?|y\\.?o\\.?|y/o|y)?"
                    // "7 years 3 months", "7 yrs and 3 mths"
                    + "(?:[\\s,]*(?:and\\s*)?\\d{1,2}\\s*(?:months?|mths?|mos?|m))?"
                    + "(?:\\s*old)?(?:\\s*\\(.*\\))?\\.?$");
    private static final Pattern MONTHS = Pattern.compile("^(?:aged?\\s*)?(\\d{1,3})\\s*(?:months?|mths?|mos?)(?:\\s*old)?$");
    private static final Pattern WEEKS_DAYS = Pattern.compile("^(?:aged?\\s*)?(\\d{1,3})\\s*(?:weeks?|wks?|days?)(?:\\s*old)?$");

    private Ages() {
    }

    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = YEARS.matcher(s);
        if (m.matches()) {
            int years = Integer.parseInt(m.group(1));
            return years <= 130 ? OptionalInt.of(years) : OptionalInt.empty();
        }
        m = MONTHS.matcher(s);
        if (m.matches()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)) / 12);
        }
        m = WEEKS_DAYS.matcher(s);
        if (m.matches()) {
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }
}
