package uk.gov.redbridge.onepanel.system.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and times as GOV.UK writes them ("12 March 2026", "12 March 2026 at 3:04pm"), in the service's time zone.
 * Templates call it as {@code ${@display.dateTime(instant)}}.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private final ZoneId zone;

    Display(Clock clock) {
        this.zone = clock.getZone();
    }

    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(zone);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    public String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    /** An ISO date as written in a form field; other text is shown as it is. */
    public String isoDate(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
