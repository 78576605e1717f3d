package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The work picture on the dashboard says how long something has waited as GOV.UK writes it ("12 seconds"). */
class WorkPictureTests {

    @Test
    void agesAreInWordsNotAbbreviations() {
        assertThat(WorkPicture.age(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(WorkPicture.age(Duration.ofSeconds(12))).isEqualTo("12 seconds");
        assertThat(WorkPicture.age(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(WorkPicture.age(Duration.ofMinutes(20).plusSeconds(59))).isEqualTo("20 minutes");
        assertThat(WorkPicture.age(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(WorkPicture.age(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2 hours 5 minutes");
        assertThat(WorkPicture.age(null)).isEmpty();
    }
}
