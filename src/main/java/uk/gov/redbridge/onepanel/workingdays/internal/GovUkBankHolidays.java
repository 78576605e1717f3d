package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the government's list of bank holidays ({@code https://www.gov.uk/bank-holidays.json}): the dates of the
 * {@code england-and-wales} division's events. Substitute days appear on the day they are taken, as in jollyday.
 */
final class GovUkBankHolidays {

    static final String DIVISION = "england-and-wales";

    private GovUkBankHolidays() {
    }

    /** @throws IllegalArgumentException if the document is not the shape gov.uk publishes */
    static SortedSet<LocalDate> englandAndWales(byte[] json) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the bank holiday list is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode events = root.path(DIVISION).path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException("the bank holiday list has no " + DIVISION + " events");
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (JsonNode event : events) {
            String date = event.path("date").asString("");
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the bank holiday list has an event without an ISO date: '"
                        + date + "'", e);
            }
        }
        return Collections.unmodifiableSortedSet(dates);
    }
}
