package uk.gov.redbridge.onepanel.workingdays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.workingdays.internal.BankHolidays;
import uk.gov.redbridge.onepanel.workingdays.internal.WorkingDayCalendar;

/**
 * Working days in England and Wales, and "today" from the application clock.
 *
 * <p>A <b>working day</b> is Monday to Friday, not an England and Wales bank holiday and not a local closure day
 * of the council ({@code onepanel.workingdays.closures}).
 *
 * <p><b>The counting convention</b> (the one rule every deadline in the service uses): the start date is day 0,
 * and <b>day 1 is the first working day after the start</b>, whatever kind of day the start is. A request sent on
 * Friday 6 March 2026 with 5 working days is due on Friday 13 March (day 1 is Monday 9 March); a request sent on
 * Saturday 7 March or Sunday 8 March is due on the same Friday 13 March. Each {@link Deadline} records this in
 * words. {@link #workingDaysBetween} counts the same way, so {@code workingDaysBetween(s, addWorkingDays(s, n)) ==
 * n} for every start {@code s} and every {@code n}.
 */
@Service
public class WorkingDays {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    WorkingDays(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A calendar with England and Wales bank holidays and the given closure days, outside Spring: for other
     * modules' unit tests, which should count with the real calendar rather than a stand-in.
     */
    public static WorkingDays englandAndWales(Clock clock, Collection<LocalDate> closureDays) {
        return new WorkingDays(new WorkingDayCalendar(BankHolidays.englandAndWales(List.of(), List.of()), closureDays),
                clock);
    }

    /** Monday to Friday, and neither a bank holiday in England and Wales nor a local closure day. */
    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(Objects.requireNonNull(date, "date"));
    }

    /**
     * Day {@code n} counted from {@code start} (day 0): for {@code n > 0}, the n-th working day after {@code start};
     * for {@code n == 0}, {@code start} itself, even when it is not a working day; for {@code n < 0}, the |n|-th
     * working day before {@code start} (so {@code -1} is the working day before it).
     * {@code addWorkingDays(Friday, 1)} is the next Monday when that Monday is a working day.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        int step = n >= 0 ? 1 : -1;
        LocalDate day = start;
        for (int counted = 0; counted != n; ) {
            day = day.plusDays(step);
            if (calendar.isWorkingDay(day)) {
                counted += step;
            }
        }
        return day;
    }

    /**
     * How many working days {@code to} lies from {@code from}, counted as {@link #addWorkingDays} counts: never
     * counting {@code from}, always counting {@code to} if it is a working day.
     * <ul>
     * <li>{@code to} after {@code from}: the number of working days after {@code from} up to and including
     * {@code to} (Friday to the next Monday: 1; Friday to Sunday: 0).</li>
     * <li>{@code to} equal to {@code from}: 0.</li>
     * <li>{@code to} before {@code from}: minus the number of working days from {@code to} (included) up to
     * {@code from} (excluded) (Monday back to the Friday before: -1; Sunday back to Friday: -1).</li>
     * </ul>
     * Zero therefore means "no working day separates them", not "the same day".
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int count = 0;
        if (to.isAfter(from)) {
            for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    count++;
                }
            }
        } else {
            for (LocalDate day = to; day.isBefore(from); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    count--;
                }
            }
        }
        return count;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /** The last working day strictly before {@code date}: "one working day before the due date". */
    public LocalDate previousWorkingDay(LocalDate date) {
        return addWorkingDays(date, -1);
    }

    /** Today's date from the application clock (zone {@code onepanel.clock.zone}, moved by any configured offset). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A deadline {@code workingDays} working days after {@code start}, with the counting convention recorded.
     * Store all of it with whatever the deadline belongs to: the due date alone cannot be checked later.
     */
    public Deadline deadline(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a deadline cannot be a negative number of working days: " + workingDays);
        }
        return new Deadline(start, workingDays, addWorkingDays(start, workingDays), Deadline.conventionFor(start));
    }

    /**
     * The date, in the clock's zone, on which an instant fell: a message received at 23:30 UTC on a summer
     * evening arrived the next day in London, and its day 0 is that next day.
     */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), clock.getZone());
    }
}
