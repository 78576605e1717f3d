package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickBoxesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "☐ Yes     ☒ No          | No",
        "☒ Yes ☐ No              | Yes",
        "Yes ☒ No ☐              | Yes",
        "☐ Male ☒ Female ☐ Other | Female",
        "[X] Yes [ ] No          | Yes",
        "[ ] Yes [x] No          | No",
        "☑ Yes ☐ No              | Yes",
        "☐ Yes ☐ No              | ''",
        "No tick boxes here      | No tick boxes here",
    })
    void theTickedLabelIsTheAnswer(String written, String answer) {
        assertThat(TickBoxes.resolve(written)).isEqualTo(answer);
    }
}
