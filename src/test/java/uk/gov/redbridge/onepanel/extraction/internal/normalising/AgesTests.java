package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "34 | 34", "34 years | 34", "34 yrs | 34", "34yrs | 34", "34 years old | 34", "aged 34 | 34", "Age 34 | 34",
        "34y | 34", "34 y/o | 34", "7 (at death) | 7", "6 months | 0", "18 months | 1", "3 weeks | 0", "0 | 0",
        "103 | 103", "7 years 3 months | 7", "7 yrs and 3 mths | 7", "64 years old | 64"})
    void readsWholeYears(String written, int years) {
        assertThat(Ages.parse(written)).hasValue(years);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not known", "thirty", "34-35", "1990", "", "-3"})
    void refusesWhatIsNotAnAge(String written) {
        assertThat(Ages.parse(written)).isEmpty();
    }
}
