package uk.gov.redbridge.onepanel.papers.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A form's value as the papers print it: a date as GOV.UK writes one ("2 May 1961"), anything else as it is. */
final class ShownValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ShownValues() {
    }

    static String shown(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return value;
        }
        try {
            return DATE.format(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
