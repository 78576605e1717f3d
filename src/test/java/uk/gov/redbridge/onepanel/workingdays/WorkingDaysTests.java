package uk.gov.redbridge.onepanel.workingdays;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.redbridge.onepanel.workingdays.internal.BankHolidays;
import uk.gov.redbridge.onepanel.workingdays.internal.WorkingDayCalendar;

class WorkingDaysTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), LONDON);

    private final WorkingDays days = WorkingDays.englandAndWales(CLOCK, List.of());

    private static WorkingDays withLocalRules(List<LocalDate> closures, List<LocalDate> extra,
                                              List<LocalDate> cancelled) {
        return new WorkingDays(new WorkingDayCalendar(BankHolidays.englandAndWales(extra, cancelled), closures), CLOCK);
    }

    @Nested
    class BankHolidaysAreNotWorkingDays {

        @ParameterizedTest
        @ValueSource(strings = {
                "2024-03-29", "2024-04-01",             // Easter 2024: Good Friday, Easter Monday
                "2025-04-18", "2025-04-21",             // Easter 2025
                "2026-04-03", "2026-04-06",             // Easter 2026
                "2024-05-27", "2025-05-26", "2026-05-25", // late May (spring) bank holiday
                "2026-05-04", "2026-08-31",             // early May, summer
                "2022-01-03", "2023-01-02",             // New Year's Day on a weekend: substitute Monday
                "2021-12-27", "2021-12-28",             // Christmas Sat, Boxing Day Sun: Mon and Tue
                "2022-12-26", "2022-12-27",             // Christmas Sun: Boxing Day Mon, Christmas Tue
                "2026-12-25", "2026-12-28",             // Boxing Day Sat: Mon 28
                "2027-12-27", "2027-12-28",             // as 2021
                "2022-06-02", "2022-06-03",             // spring bank holiday moved, Platinum Jubilee
                "2022-09-19",                           // state funeral of Queen Elizabeth II
                "2023-05-08",                           // coronation of King Charles III
                "2020-05-08"})                          // early May moved to VE day
        void bankHolidayIsNotAWorkingDay(String date) {
            assertThat(days.isWorkingDay(parse(date))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "2026-04-02", "2026-04-07",             // the days either side of Easter 2026
                "2021-12-24", "2021-12-29",             // either side of the 2021 substitute days
                "2022-12-28", "2026-12-24", "2026-12-29",
                "2020-05-04",                           // the usual early May Monday, moved in 2020
                "2022-05-30"})                          // the usual late May Monday, moved in 2022
        void ordinaryWeekdayIsAWorkingDay(String date) {
            assertThat(days.isWorkingDay(parse(date))).isTrue();
        }

        @Test
        void weekendsAreNotWorkingDays() {
            assertThat(days.isWorkingDay(parse("2026-03-07"))).isFalse();
            assertThat(days.isWorkingDay(parse("2026-03-08"))).isFalse();
            // Christmas Day 2021 itself was a Saturday: not a working day, and not moved onto one
            assertThat(days.isWorkingDay(parse("2021-12-25"))).isFalse();
        }
    }

    @Nested
    class CountingForward {

        @ParameterizedTest(name = "{0} + {1} working days = {2}")
        @CsvSource({
                // day 1 is the first working day after the start
                "2026-03-06, 1, 2026-03-09",   // Friday + 1 = Monday
                "2026-03-07, 1, 2026-03-09",   // sent on a Saturday: day 1 is Monday
                "2026-03-08, 1, 2026-03-09",   // sent on a Sunday: the same
                "2026-03-06, 5, 2026-03-13",   // children's single agency report
                "2026-03-07, 5, 2026-03-13",
                "2026-03-02, 10, 2026-03-16",  // adult screening request
                // Easter 2024, 2025, 2026
                "2024-03-28, 1, 2024-04-02",
                "2025-04-17, 1, 2025-04-22",
                "2025-04-17, 5, 2025-04-28",
                "2026-04-01, 10, 2026-04-17",
                "2026-04-02, 10, 2026-04-20",  // the worked example in docs/working-days.md
                "2026-04-02, 5, 2026-04-13",
                "2026-04-06, 1, 2026-04-07",   // sent on Easter Monday: day 1 is Tuesday
                "2026-04-03, 1, 2026-04-07",   // sent on Good Friday
                // Christmas and Boxing Day on a weekend: substitute days
                "2021-12-24, 1, 2021-12-29",
                "2022-12-23, 1, 2022-12-28",
                "2026-12-24, 1, 2026-12-29",
                "2027-12-24, 1, 2027-12-29",
                "2021-12-20, 10, 2022-01-06",  // across Christmas 2021 and the New Year substitute 2022-01-03
                // late May and one-off days
                "2026-05-22, 1, 2026-05-26",
                "2022-06-01, 1, 2022-06-06",
                "2022-09-16, 1, 2022-09-20",
                "2023-05-05, 1, 2023-05-09"})
        void addsWorkingDays(String start, int n, String expected) {
            assertThat(days.addWorkingDays(parse(start), n)).isEqualTo(parse(expected));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-04", "2026-03-07", "2026-04-06"})
        void zeroWorkingDaysIsTheStartItselfWhateverKindOfDayItIs(String start) {
            assertThat(days.addWorkingDays(parse(start), 0)).isEqualTo(parse(start));
        }
    }

    @Nested
    class CountingBackward {

        @ParameterizedTest(name = "{0} - {1} working days = {2}")
        @CsvSource({
                "2026-03-09, 1, 2026-03-06",   // Monday - 1 = the Friday before
                "2026-03-07, 1, 2026-03-06",   // Saturday - 1 = Friday
                "2025-04-22, 1, 2025-04-17",   // back over Easter 2025
                "2022-01-04, 1, 2021-12-31",   // back over the New Year substitute and the weekend
                "2026-03-16, 10, 2026-03-02"})
        void subtractsWorkingDays(String start, int n, String expected) {
            assertThat(days.addWorkingDays(parse(start), -n)).isEqualTo(parse(expected));
        }

        @Test
        void previousAndNextWorkingDayAreStrictlyBeforeAndAfter() {
            assertThat(days.previousWorkingDay(parse("2026-03-11"))).isEqualTo(parse("2026-03-10"));
            assertThat(days.nextWorkingDay(parse("2026-03-11"))).isEqualTo(parse("2026-03-12"));
            assertThat(days.previousWorkingDay(parse("2025-04-22"))).isEqualTo(parse("2025-04-17"));
            assertThat(days.nextWorkingDay(parse("2025-04-17"))).isEqualTo(parse("2025-04-22"));
            assertThat(days.nextWorkingDay(parse("2027-12-24"))).isEqualTo(parse("2027-12-29"));
            assertThat(days.previousWorkingDay(parse("2027-12-29"))).isEqualTo(parse("2027-12-24"));
        }
    }

    @Nested
    class WorkingDaysBetween {

        @ParameterizedTest(name = "from {0} to {1}: {2}")
        @CsvSource({
                "2026-03-06, 2026-03-09, 1",    // Friday to Monday
                "2026-03-06, 2026-03-08, 0",    // Friday to Sunday: no working day after Friday yet
                "2026-03-06, 2026-03-06, 0",
                "2026-03-07, 2026-03-13, 5",    // Saturday to the next Friday
                "2026-03-02, 2026-03-16, 10",
                "2026-04-02, 2026-04-07, 1",    // over Easter 2026
                "2021-12-24, 2021-12-29, 1",    // over Christmas 2021
                "2026-03-09, 2026-03-06, -1",   // Monday back to Friday
                "2026-03-08, 2026-03-06, -1",   // Sunday back to Friday
                "2026-03-16, 2026-03-02, -10"})
        void countsAsAddWorkingDaysCounts(String from, String to, int expected) {
            assertThat(days.workingDaysBetween(parse(from), parse(to))).isEqualTo(expected);
        }

        @Test
        void isTheInverseOfAddWorkingDaysFromAnyStartOverEasterAndChristmas() {
            for (LocalDate periodStart : List.of(parse("2026-03-20"), parse("2021-12-10"), parse("2022-12-15"))) {
                for (int d = 0; d < 30; d++) {
                    LocalDate start = periodStart.plusDays(d);
                    for (int n = -12; n <= 12; n++) {
                        LocalDate end = days.addWorkingDays(start, n);
                        assertThat(days.workingDaysBetween(start, end))
                                .as("start %s, n %d, end %s", start, n, end)
                                .isEqualTo(n);
                        if (n != 0) {
                            assertThat(days.isWorkingDay(end)).as("day %d from %s", n, start).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Nested
    class LocalRules {

        @Test
        void closureDaysFromConfigurationAreNotWorkingDays() {
            WorkingDays withClosures = withLocalRules(
                    List.of(parse("2026-12-29"), parse("2026-12-30"), parse("2026-12-31")), List.of(), List.of());

            assertThat(withClosures.isWorkingDay(parse("2026-12-30"))).isFalse();
            // Thu 24 Dec; Fri 25 and Mon 28 bank holidays; 29-31 closed; Fri 1 Jan bank holiday
            assertThat(withClosures.addWorkingDays(parse("2026-12-24"), 1)).isEqualTo(parse("2027-01-04"));
            assertThat(withClosures.workingDaysBetween(parse("2026-12-24"), parse("2027-01-04"))).isEqualTo(1);
            assertThat(days.addWorkingDays(parse("2026-12-24"), 1)).isEqualTo(parse("2026-12-29"));
        }

        @Test
        void anExtraBankHolidayIsNotAWorkingDayAndACancelledOneIs() {
            WorkingDays overridden = withLocalRules(List.of(), List.of(parse("2026-07-03")), List.of(parse("2026-05-04")));

            assertThat(overridden.isWorkingDay(parse("2026-07-03"))).isFalse();
            assertThat(overridden.isWorkingDay(parse("2026-05-04"))).isTrue();
        }

        @Test
        void refusesADateThatIsBothAnExtraAndACancelledBankHoliday() {
            assertThatThrownBy(() -> BankHolidays.englandAndWales(List.of(parse("2026-07-03")),
                    List.of(parse("2026-07-03"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-07-03");
        }
    }

    @Nested
    class Deadlines {

        @Test
        void recordsStartWorkingDaysDueDateAndTheConvention() {
            Deadline deadline = days.deadline(parse("2026-03-02"), 10);

            assertThat(deadline.start()).isEqualTo(parse("2026-03-02"));
            assertThat(deadline.workingDays()).isEqualTo(10);
            assertThat(deadline.due()).isEqualTo(parse("2026-03-16"));
            assertThat(deadline.convention()).isEqualTo("day 1 is the first working day after 2 March 2026");
        }

        @Test
        void isOverdueOnlyAfterTheDueDate() {
            Deadline deadline = days.deadline(parse("2026-03-06"), 5);

            assertThat(deadline.isOverdueOn(parse("2026-03-13"))).isFalse();
            assertThat(deadline.isOverdueOn(parse("2026-03-14"))).isTrue();
        }

        @Test
        void refusesANegativeNumberOfWorkingDays() {
            assertThatThrownBy(() -> days.deadline(parse("2026-03-02"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Deadline(parse("2026-03-02"), 1, parse("2026-03-01"), "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Today {

        @Test
        void comesFromTheInjectedClock() {
            assertThat(days.today()).isEqualTo(parse("2026-03-02"));
            WorkingDays tenDaysLater = WorkingDays.englandAndWales(
                    Clock.offset(CLOCK, java.time.Duration.ofDays(10)), List.of());
            assertThat(tenDaysLater.today()).isEqualTo(parse("2026-03-12"));
        }

        @Test
        void datesAnInstantInTheClocksZone() {
            // 23:30 UTC on 30 June is 00:30 BST on 1 July
            assertThat(days.dateOf(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo(parse("2026-07-01"));
            assertThat(days.dateOf(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo(parse("2026-01-31"));
        }
    }
}
