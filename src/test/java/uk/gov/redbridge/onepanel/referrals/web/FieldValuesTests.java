package uk.gov.redbridge.onepanel.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.FieldKind;

class FieldValuesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 14);

    @Test
    void datesAreReadDayFirstAndKeptAsIso() {
        assertThat(FieldValues.check(FieldKind.DATE, "3/4/26", TODAY).value()).isEqualTo("2026-04-03");
        assertThat(FieldValues.check(FieldKind.DATE, "03.04.2026", TODAY).value()).isEqualTo("2026-04-03");
        assertThat(FieldValues.check(FieldKind.DATE, "2/5/61", TODAY).value()).isEqualTo("1961-05-02");
        assertThat(FieldValues.check(FieldKind.DATE, "2026-04-03", TODAY).value()).isEqualTo("2026-04-03");
        assertThat(FieldValues.check(FieldKind.DATE, "31/2/2026", TODAY).errorKey()).isEqualTo("review.error.date");
        assertThat(FieldValues.check(FieldKind.DATE, "next Tuesday", TODAY).valid()).isFalse();
    }

    @Test
    void placeholdersAndBlanksAreValuesAsWritten() {
        assertThat(FieldValues.check(FieldKind.DATE, "Not known", TODAY).value()).isEqualTo("Not known");
        assertThat(FieldValues.check(FieldKind.NHS_NUMBER, "N/A", TODAY).value()).isEqualTo("N/A");
        assertThat(FieldValues.check(FieldKind.AGE, "  ", TODAY).value()).isEmpty();
    }

    @Test
    void nhsNumbersNeedTheirModulus11CheckDigit() {
        assertThat(FieldValues.check(FieldKind.NHS_NUMBER, "999 000 0018", TODAY).value()).isEqualTo("9990000018");
        assertThat(FieldValues.check(FieldKind.NHS_NUMBER, "943-476-5919", TODAY).value()).isEqualTo("9434765919");
        assertThat(FieldValues.check(FieldKind.NHS_NUMBER, "943 476 5918", TODAY).valid()).isFalse();
        // the Data Dictionary's format example fails the check
        assertThat(FieldValues.validNhsNumber("9876544321")).isFalse();
        assertThat(FieldValues.check(FieldKind.NHS_NUMBER, "12345", TODAY).errorKey()).isEqualTo("review.error.nhsNumber");
    }

    @Test
    void agesAreWholeYears() {
        assertThat(FieldValues.check(FieldKind.AGE, "34 years", TODAY).value()).isEqualTo("34");
        assertThat(FieldValues.check(FieldKind.AGE, "07", TODAY).value()).isEqualTo("7");
        assertThat(FieldValues.check(FieldKind.AGE, "thirty", TODAY).valid()).isFalse();
        assertThat(FieldValues.check(FieldKind.AGE, "200", TODAY).valid()).isFalse();
    }

    @Test
    void textIsCollapsedAndLongTextKeepsItsLines() {
        assertThat(FieldValues.check(FieldKind.TEXT, "  Jane   Q  ", TODAY).value()).isEqualTo("Jane Q");
        assertThat(FieldValues.check(FieldKind.LONG_TEXT, "line one\r\nline two", TODAY).value())
                .isEqualTo("line one\nline two");
        assertThat(FieldValues.check(FieldKind.EMAIL, "not an address", TODAY).valid()).isFalse();
        assertThat(FieldValues.check(FieldKind.TEXT, "x".repeat(10_001), TODAY).errorKey()).isEqualTo("review.error.tooLong");
    }
}
