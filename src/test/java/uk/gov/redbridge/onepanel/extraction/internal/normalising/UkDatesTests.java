package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UkDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3/4/26                       | 2026-04-03",
        "03/04/2026                   | 2026-04-03",
        "03.04.2026                   | 2026-04-03",
        "3-4-2026                     | 2026-04-03",
        "3 - 4 - 2026                 | 2026-04-03",
        "03/04/26                     | 2026-04-03",
        "3rd April 2026               | 2026-04-03",
        "3rd of April, 2026           | 2026-04-03",
        "3 April 2026                 | 2026-04-03",
        "03 Apr 2026                  | 2026-04-03",
        "3-Apr-2026                   | 2026-04-03",
        "03-Apr-26                    | 2026-04-03",
        "3 Sept 2025                  | 2025-09-03",
        "Thursday 3 April 2026        | 2026-04-03",
        "Thu, 3rd Apr 2026            | 2026-04-03",
        "April 3, 2026                | 2026-04-03",
        "April 3rd 2026               | 2026-04-03",
        "2026-04-03                   | 2026-04-03",
        "1st January 2000             | 2000-01-01",
        "22nd February 1959           | 1959-02-22",
        "31/12/1999                   | 1999-12-31",
        "04/09/2025 (approx.)         | 2025-09-04",
        "approx. 04/09/2025           | 2025-09-04",
        "03042026                     | 2026-04-03",
        "Fri 3/4/26                   | 2026-04-03",
        "03/04/2026 14:30             | 2026-04-03",
    })
    void readsBritishSpellingsDayFirst(String written, String iso) {
        assertThat(UkDates.parse(written, TODAY)).contains(LocalDate.parse(iso));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "7/1/59   | 1959-01-07",
        "15/12/86 | 1986-12-15",
        "19/5/16  | 2016-05-19",
        "29/10/25 | 2025-10-29",
        "1/1/27   | 2027-01-01",
        "1/1/28   | 1928-01-01",
    })
    void twoDigitYearsAreThisCenturyUpToNextYear(String written, String iso) {
        assertThat(UkDates.parse(written, TODAY)).contains(LocalDate.parse(iso));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"31/02/2026", "13/13/2026", "Not known", "N/A", "October 2025", "", "2025", "soon"})
    void refusesWhatIsNotADate(String written) {
        assertThat(UkDates.parse(written, TODAY)).isEmpty();
    }
}
