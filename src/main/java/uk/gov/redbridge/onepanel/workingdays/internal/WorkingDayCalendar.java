package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/** Which days are working days: weekdays that are neither a bank holiday nor a local closure day. */
public final class WorkingDayCalendar {

    private final BankHolidays bankHolidays;
    private final Set<LocalDate> closures;

    /**
     * @param closures days the council's offices are shut although they are not bank holidays (the days between
     *                 Christmas and New Year, for instance)
     */
    public WorkingDayCalendar(BankHolidays bankHolidays, Collection<LocalDate> closures) {
        this.bankHolidays = Objects.requireNonNull(bankHolidays, "bankHolidays");
        this.closures = Set.copyOf(closures);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closures.contains(date)
                && !bankHolidays.contains(date);
    }
}
