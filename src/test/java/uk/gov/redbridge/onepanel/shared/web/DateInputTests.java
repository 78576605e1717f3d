package uk.gov.redbridge.onepanel.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The GOV.UK date input: day, month and year read as such, whatever the browser's locale; one message a field. */
class DateInputTests {

    static DateInput read(String day, String month, String year, boolean required) {
        Map<String, String> p = Map.of("due-day", day, "due-month", month, "due-year", year);
        return DateInput.read(p::get, "due", "The due date", required);
    }

    /** Issue 13, point 9: "01/03/2027" was saved as 3 January 2027 by an en-US browser's date picker. */
    @Test
    void theDayComesFirstWhateverTheBrowser() {
        assertThat(read("01", "03", "2027", true).date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(read("1", "mar", "2027", true).date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(read(" 15 ", "December", "1986", true).date()).isEqualTo(LocalDate.of(1986, 12, 15));
    }

    @Test
    void eachProblemHasItsOwnMessageAndTheBoxItIsAbout() {
        assertThat(read("", "", "", true).error()).isEqualTo("Enter the due date");
        assertThat(read("", "", "", false).valid()).isTrue();
        DateInput noMonth = read("1", "", "2027", true);
        assertThat(noMonth.error()).isEqualTo("The due date must include a month");
        assertThat(noMonth.href()).isEqualTo("#due-month");
        assertThat(read("31", "2", "2027", true).error()).isEqualTo("The due date must be a real date");
        assertThat(read("1", "13", "2027", true).error()).isEqualTo("The due date must be a real date");
        assertThat(read("1", "3", "27", true).error()).isEqualTo("The year must include 4 numbers");
        assertThat(read("1", "3", "27", true).href()).isEqualTo("#due-year");
        assertThat(read("x", "3", "2027", true).href()).isEqualTo("#due-day");
    }

    @Test
    void aDateFillsTheBoxes() {
        DateInput d = DateInput.of("due", LocalDate.of(2026, 6, 9));
        assertThat(d.day()).isEqualTo("9");
        assertThat(d.month()).isEqualTo("6");
        assertThat(d.year()).isEqualTo("2026");
    }
}
