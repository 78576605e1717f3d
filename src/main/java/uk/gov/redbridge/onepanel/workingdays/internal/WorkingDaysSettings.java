package uk.gov.redbridge.onepanel.workingdays.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local parts of the working-day calendar. Dates are ISO ({@code 2026-12-29}).
 *
 * @param closures              days the council is shut that are not bank holidays (e.g. between Christmas and
 *                              New Year): not working days, so no deadline falls on them
 * @param extraBankHolidays     bank holidays the jollyday release does not know (a one-off day announced later)
 * @param cancelledBankHolidays days jollyday lists that are not bank holidays (a bank holiday moved elsewhere:
 *                              list the old date here and the new one under {@code extra-bank-holidays})
 * @param govUkCheck            an optional comparison with the government's published list
 */
@ConfigurationProperties("onepanel.workingdays")
record WorkingDaysSettings(
        @DefaultValue List<LocalDate> closures,
        @DefaultValue List<LocalDate> extraBankHolidays,
        @DefaultValue List<LocalDate> cancelledBankHolidays,
        @DefaultValue GovUkCheck govUkCheck) {

    /**
     * @param enabled  fetch the list on a schedule and log a warning naming every date where it and the calendar
     *                 disagree (off by default: the embedded default runs without the internet)
     * @param url      gov.uk's JSON list of bank holidays
     * @param interval how often to compare (the first comparison runs a minute after start-up)
     * @param timeout  for connecting and for the whole request
     */
    record GovUkCheck(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://www.gov.uk/bank-holidays.json") URI url,
            @DefaultValue("P7D") Duration interval,
            @DefaultValue("PT20S") Duration timeout) {
    }
}
