package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where gov.uk's list and the calendar disagree, over the whole years gov.uk covers (its window moves: it only ever
 * lists a few years).
 *
 * @param missingFromCalendar bank holidays gov.uk lists that the calendar does not (add them to
 *                            {@code onepanel.workingdays.extra-bank-holidays})
 * @param notListedByGovUk    bank holidays of the calendar that gov.uk does not list (add them to
 *                            {@code onepanel.workingdays.cancelled-bank-holidays} once confirmed)
 */
record GovUkComparison(int firstYear, int lastYear, SortedSet<LocalDate> missingFromCalendar,
                       SortedSet<LocalDate> notListedByGovUk) {

    static GovUkComparison of(SortedSet<LocalDate> govUk, BankHolidays calendar) {
        int firstYear = govUk.first().getYear();
        int lastYear = govUk.last().getYear();
        SortedSet<LocalDate> ours = new TreeSet<>();
        for (int year = firstYear; year <= lastYear; year++) {
            ours.addAll(calendar.inYear(year));
        }
        SortedSet<LocalDate> missing = new TreeSet<>(govUk);
        missing.removeAll(ours);
        SortedSet<LocalDate> extra = new TreeSet<>(ours);
        extra.removeAll(govUk);
        return new GovUkComparison(firstYear, lastYear, Collections.unmodifiableSortedSet(missing),
                Collections.unmodifiableSortedSet(extra));
    }

    boolean agrees() {
        return missingFromCalendar.isEmpty() && notListedByGovUk.isEmpty();
    }
}
