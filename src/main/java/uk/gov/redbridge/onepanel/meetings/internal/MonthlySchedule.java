package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/** The schedule rule: the n-th (or last) given weekday of each month, e.g. the second Tuesday. */
final class MonthlySchedule {

    private MonthlySchedule() {
    }

    static LocalDate dateIn(YearMonth month, DayOfWeek day, int weekOfMonth) {
        LocalDate first = month.atDay(1);
        return weekOfMonth == -1 ? month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(day))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, day));
    }
}
