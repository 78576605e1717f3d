package uk.gov.redbridge.onepanel.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.meetings.AnnualReport.Cell;

class SmallNumbersTests {

    @Test
    void countsFromOneToFourAreShownAsLessThanFiveAndZeroAndFiveUpAsTheyAre() {
        assertThat(SmallNumbers.single(0).shown()).isEqualTo("0");
        assertThat(SmallNumbers.single(1).shown()).isEqualTo("<5");
        assertThat(SmallNumbers.single(4).shown()).isEqualTo("<5");
        assertThat(SmallNumbers.single(5).shown()).isEqualTo("5");
        assertThat(SmallNumbers.single(4).count()).isEqualTo(4);
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithItSoTheTotalCannotRevealIt() {
        List<Cell> line = SmallNumbers.line(List.of(12, 3, 7, 0));
        assertThat(line).extracting(Cell::shown).containsExactly("12", "<5", "*", "0", "22");
    }

    @Test
    void twoSmallCellsProtectEachOther() {
        assertThat(SmallNumbers.line(List.of(10, 2, 3))).extracting(Cell::shown)
                .containsExactly("10", "<5", "<5", "15");
    }

    @Test
    void theOnlyOtherCellIsHiddenEvenWhenLargeAndASmallTotalIsHidden() {
        assertThat(SmallNumbers.line(List.of(9, 0, 2))).extracting(Cell::shown).containsExactly("*", "0", "<5", "11");
        assertThat(SmallNumbers.line(List.of(0, 2))).extracting(Cell::shown).containsExactly("0", "<5", "<5");
    }

    @Test
    void nothingSmallHidesNothing() {
        assertThat(SmallNumbers.line(List.of(5, 6, 0))).extracting(Cell::shown).containsExactly("5", "6", "0", "11");
    }
}
