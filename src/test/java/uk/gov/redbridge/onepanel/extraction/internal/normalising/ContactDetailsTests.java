package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactDetailsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "020 7946 0053 / d.achterberg@redbridge.gov.uk           | 020 7946 0053           | d.achterberg@redbridge.gov.uk",
        "Tel: 020 7946 0692 Email: sandra.ionescu@nelft.nhs.uk   | 020 7946 0692           | sandra.ionescu@nelft.nhs.uk",
        "020 7946 0548 ext. 4121 / yusufnowak@refuge.org.uk      | 020 7946 0548 ext. 4121 | yusufnowak@refuge.org.uk",
        "j.smith@agency.gov.uk, 07700 900123                     | 07700 900123            | j.smith@agency.gov.uk",
        "Telephone 07700 900123 or email j.smith@agency.gov.uk   | 07700 900123            | j.smith@agency.gov.uk",
        "Mob: +44 7700 900972; E-mail: a.b@nhs.net               | +44 7700 900972         | a.b@nhs.net",
        "mailto:a.b@nhs.net                                      |                         | a.b@nhs.net",
        "07700 900123                                            | 07700 900123            | ",
    })
    void splitsTheContactAnswer(String written, String phone, String email) {
        ContactDetails.Split split = ContactDetails.split(written);
        assertThat(split.phone()).isEqualTo(phone);
        assertThat(split.email()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 7946 0053", "07700 900970", "+44 7700 900972", "0044 20 7946 0053",
        "020 7946 0548 ext. 4121", "(020) 7946 0053", "01632 960123", "016977 3456"})
    void ukTelephoneShapes(String phone) {
        assertThat(ContactDetails.looksLikeUkPhone(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "020 7946", "+1 202 555 0100", "call the office", "0207946005312"})
    void notUkTelephoneShapes(String phone) {
        assertThat(ContactDetails.looksLikeUkPhone(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b@nhs.net", "d.o'neill@redbridge.gov.uk", "x+y@met.police.uk"})
    void emailShapes(String email) {
        assertThat(ContactDetails.looksLikeEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b@nhs", "@nhs.net", "a b@nhs.net", "not given"})
    void notEmailShapes(String email) {
        assertThat(ContactDetails.looksLikeEmail(email)).isFalse();
    }
}
