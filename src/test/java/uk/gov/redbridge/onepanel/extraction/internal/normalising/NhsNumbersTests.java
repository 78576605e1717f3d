package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumbersTests {

    @Test
    void theDataDictionaryWorkedExampleIsValidAndOneDigitOffIsNot() {
        // DOMAIN.md 6.2: 943 476 5919
        assertThat(NhsNumbers.valid("9434765919")).isTrue();
        assertThat(NhsNumbers.valid("9434765918")).isFalse();
    }

    @Test
    void theFormatExampleOfTheDataDictionaryFailsTheCheck() {
        assertThat(NhsNumbers.valid("9876544321")).isFalse();
    }

    @Test
    void computedCheckDigitsMakeValidTestNumbers() {
        for (String nine : new String[] {"999000001", "999123456", "999358484", "999775273"}) {
            int check = NhsNumbers.checkDigit(nine);
            if (check >= 0) {
                assertThat(NhsNumbers.valid(nine + check)).as(nine).isTrue();
                assertThat(NhsNumbers.valid(nine + ((check + 1) % 10))).as(nine).isFalse();
            }
        }
        assertThat(NhsNumbers.valid("9990000018")).isTrue();
    }

    @Test
    void aRemainderOfTenMeansNoValidNumber() {
        // 999 000 000: 9*10+9*9+9*8 = 243, 243 mod 11 = 1, 11-1 = 10
        assertThat(NhsNumbers.checkDigit("999000000")).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            assertThat(NhsNumbers.valid("999000000" + d)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"999 358 4843", "999-358-4843", "9993584843", "999.358.4843", " 999 3584843 "})
    void digitsAreReadFromTheUsualSpellings(String written) {
        assertThat(NhsNumbers.digits(written)).isEqualTo("9993584843");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999 358 484", "99935848431", "NHS 9993584843", "999 358 484X", "unknown"})
    void anythingElseIsNotTenDigits(String written) {
        assertThat(NhsNumbers.digits(written)).isNull();
    }
}
