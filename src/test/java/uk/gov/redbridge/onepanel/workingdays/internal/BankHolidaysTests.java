package uk.gov.redbridge.onepanel.workingdays.internal;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BankHolidaysTests {

    private final BankHolidays bankHolidays = BankHolidays.englandAndWales(List.of(), List.of());

    @Test
    void listsTheWholeOf2026AsDomainFact57() {
        assertThat(bankHolidays.inYear(2026)).containsExactly(
                parse("2026-01-01"), parse("2026-04-03"), parse("2026-04-06"), parse("2026-05-04"),
                parse("2026-05-25"), parse("2026-08-31"), parse("2026-12-25"), parse("2026-12-28"));
    }

    @Test
    void includesTheDaysOnlyTheEnglandSubdivisionDefines() {
        // without the "eng" subdivision jollyday leaves out Easter Monday and the summer bank holiday
        assertThat(bankHolidays.contains(parse("2024-04-01"))).isTrue();
        assertThat(bankHolidays.contains(parse("2024-08-26"))).isTrue();
    }

    @Test
    void listsSubstituteDaysOnTheDayTheyAreTaken() {
        assertThat(bankHolidays.inYear(2022)).contains(parse("2022-01-03"), parse("2022-12-26"), parse("2022-12-27"))
                .doesNotContain(parse("2022-01-01"), parse("2022-12-25"));
    }

    @Test
    void appliesOverridesToTheirYearOnly() {
        BankHolidays overridden = BankHolidays.englandAndWales(List.of(parse("2027-07-02")), List.of(parse("2026-05-04")));

        assertThat(overridden.inYear(2027)).contains(parse("2027-07-02"));
        assertThat(overridden.inYear(2026)).doesNotContain(parse("2026-05-04"), parse("2027-07-02")).hasSize(7);
    }
}
