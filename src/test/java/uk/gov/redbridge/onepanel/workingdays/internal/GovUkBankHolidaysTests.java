package uk.gov.redbridge.onepanel.workingdays.internal;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;

/**
 * The calendar against a snapshot of gov.uk's {@code england-and-wales} list, 2018 to 2027
 * ({@code src/test/resources/workingdays/gov-uk-bank-holidays-england-and-wales.json}). The snapshot is in the
 * published format but was written out by hand from the published dates (the build machine has no internet):
 * replace it with a real download of https://www.gov.uk/bank-holidays.json (the {@code england-and-wales} part)
 * when the list gains a year.
 */
class GovUkBankHolidaysTests {

    static final String SNAPSHOT = "/workingdays/gov-uk-bank-holidays-england-and-wales.json";

    static byte[] snapshot() throws IOException {
        try (InputStream in = GovUkBankHolidaysTests.class.getResourceAsStream(SNAPSHOT)) {
            return in.readAllBytes();
        }
    }

    private final BankHolidays calendar = BankHolidays.englandAndWales(List.of(), List.of());

    @Test
    void theLibraryAgreesWithEveryDateOfThePublishedList() throws IOException {
        SortedSet<LocalDate> govUk = GovUkBankHolidays.englandAndWales(snapshot());

        GovUkComparison comparison = GovUkComparison.of(govUk, calendar);

        assertThat(comparison.firstYear()).isEqualTo(2018);
        assertThat(comparison.lastYear()).isEqualTo(2027);
        assertThat(comparison.missingFromCalendar()).isEmpty();
        assertThat(comparison.notListedByGovUk()).isEmpty();
        assertThat(govUk).hasSize(83)
                .contains(parse("2020-12-28"), parse("2021-12-27"), parse("2021-12-28"), parse("2022-01-03"),
                        parse("2022-12-27"), parse("2023-01-02"), parse("2026-12-28"), parse("2027-12-27"),
                        parse("2027-12-28"));
        for (LocalDate date : govUk) {
            assertThat(calendar.contains(date)).as(date.toString()).isTrue();
        }
    }

    @Test
    void namesEachDateWhereTheListsDisagree() {
        byte[] json = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
                  {"title": "A royal occasion", "date": "2026-06-12", "notes": "", "bunting": true},
                  {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}
                ]}}""".getBytes(StandardCharsets.UTF_8);

        GovUkComparison comparison = GovUkComparison.of(GovUkBankHolidays.englandAndWales(json), calendar);

        assertThat(comparison.agrees()).isFalse();
        assertThat(comparison.missingFromCalendar()).containsExactly(parse("2026-06-12"));
        assertThat(comparison.notListedByGovUk()).containsExactly(parse("2026-04-03"), parse("2026-04-06"),
                parse("2026-05-04"), parse("2026-05-25"), parse("2026-08-31"), parse("2026-12-28"));

        BankHolidays corrected = BankHolidays.englandAndWales(List.of(parse("2026-06-12")), List.of());
        assertThat(GovUkComparison.of(GovUkBankHolidays.englandAndWales(json), corrected).missingFromCalendar())
                .isEmpty();
    }

    @Test
    void refusesADocumentOfAnotherShape() {
        assertThatThrownBy(() -> GovUkBankHolidays.englandAndWales("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GovUkBankHolidays.englandAndWales(
                "{\"scotland\": {\"events\": []}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("england-and-wales");
        assertThatThrownBy(() -> GovUkBankHolidays.englandAndWales(
                "{\"england-and-wales\": {\"events\": [{\"date\": \"25/12/2026\"}]}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("25/12/2026");
    }
}
