package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * England and Wales bank holidays: jollyday's United Kingdom calendar for the subdivision {@code eng}, corrected by
 * configuration for what the library release does not know yet (a one-off day announced later, a bank holiday
 * moved). Computed once per year and kept.
 *
 * <p>Jollyday reports a substituted holiday on the day it is observed (Christmas Day 2022, a Sunday, on Tuesday
 * 27 December), which is the day the offices are shut. Substitute days in England and Wales never cross into
 * another year, so each year's set is complete on its own.
 */
public final class BankHolidays {

    /**
     * Without the subdivision Easter Monday and the summer bank holiday are missing: jollyday defines them only
     * for England and for Wales, whose lists are the same.
     */
    private static final String ENGLAND = "eng";

    private final HolidayManager manager;
    private final SortedSet<LocalDate> extra;
    private final SortedSet<LocalDate> cancelled;
    private final ConcurrentMap<Integer, SortedSet<LocalDate>> byYear = new ConcurrentHashMap<>();

    private BankHolidays(HolidayManager manager, Collection<LocalDate> extra, Collection<LocalDate> cancelled) {
        this.manager = manager;
        this.extra = Collections.unmodifiableSortedSet(new TreeSet<>(extra));
        this.cancelled = Collections.unmodifiableSortedSet(new TreeSet<>(cancelled));
        SortedSet<LocalDate> both = new TreeSet<>(this.extra);
        both.retainAll(this.cancelled);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(
                    "dates listed both as extra and as cancelled bank holidays: " + both);
        }
    }

    /**
     * @param extra     bank holidays the library does not list (a one-off day announced after its release)
     * @param cancelled days the library lists that are not bank holidays (a bank holiday moved to another date)
     */
    public static BankHolidays englandAndWales(Collection<LocalDate> extra, Collection<LocalDate> cancelled) {
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
        return new BankHolidays(manager, Objects.requireNonNull(extra, "extra"),
                Objects.requireNonNull(cancelled, "cancelled"));
    }

    public boolean contains(LocalDate date) {
        return inYear(date.getYear()).contains(date);
    }

    /** Every bank holiday of a year, in date order, overrides applied. */
    public SortedSet<LocalDate> inYear(int year) {
        return byYear.computeIfAbsent(year, this::compute);
    }

    private SortedSet<LocalDate> compute(int year) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), ENGLAND)) {
            days.add(holiday.getDate());
        }
        days.addAll(extra.subSet(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        days.removeAll(cancelled);
        return Collections.unmodifiableSortedSet(days);
    }
}
