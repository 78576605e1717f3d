package uk.gov.redbridge.onepanel.extraction.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;

/** The PDF reader rebuilds table cells from positions and places form fields' values where their widgets are. */
class PdfReaderTests {

    private final DocumentReader reader = new DocumentReader(ReadingLimits.defaults());
    private final SampleReferral sample = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);

    @Test
    void aRuledTableReadsAsLabelAndAnswerCellsWithWrappedLinesJoined() throws ReadFailure {
        DocumentLayout layout = reader.read("f.pdf", FormPdfs.ruledTable(sample));
        assertThat(layout.format()).isEqualTo("pdf");
        List<List<String>> rows = rows(layout);
        assertThat(rows).contains(List.of("First name", "Dorothy"), List.of("Date of birth", "02/05/1961"));
        // the reason wraps over several lines in its cell: read back as its two paragraphs
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("Summary of reason for referral");
            assertThat(r.get(1)).contains("She lived alone and had declined care.\nNeighbours had raised");
        });
    }

    @Test
    void aFormFieldsValueIsReadBesideTheLabelPrintedNextToItWhateverTheFieldIsCalled() throws ReadFailure {
        DocumentLayout layout = reader.read("f.pdf", FormPdfs.fillableForm(sample));
        List<List<String>> rows = rows(layout);
        assertThat(rows).contains(List.of("First name", "Dorothy"), List.of("NHS number", "999 001 2342"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Is this referral subject to an internal/single "
                + "agency review?", "☒ Yes ☐ No"));
    }

    @Test
    void theOriginOfAFieldValueNamesTheFieldAndPage() throws ReadFailure {
        DocumentLayout layout = reader.read("f.pdf", FormPdfs.fillableForm(sample));
        TableBlock.Cell cell = cells(layout).stream().filter(c -> c.text().equals("Dorothy")).findFirst()
                .orElseThrow();
        assertThat(cell.origin().location()).matches("PDF field 'f\\d+', page 1");
        assertThat(cell.origin().page()).isEqualTo(1);
    }

    private static List<List<String>> rows(DocumentLayout layout) {
        List<List<String>> out = new ArrayList<>();
        for (Block b : layout.blocks()) {
            if (b instanceof TableBlock t) {
                for (TableBlock.Row r : t.rows()) {
                    out.add(r.cells().stream().map(TableBlock.Cell::text).filter(s -> !s.isBlank()).toList());
                }
            }
        }
        return out;
    }

    private static List<TableBlock.Cell> cells(DocumentLayout layout) {
        List<TableBlock.Cell> out = new ArrayList<>();
        for (Block b : layout.blocks()) {
            if (b instanceof TableBlock t) {
                t.rows().forEach(r -> out.addAll(r.cells()));
            }
        }
        return out;
    }
}
