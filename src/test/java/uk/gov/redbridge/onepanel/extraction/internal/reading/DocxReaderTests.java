package uk.gov.redbridge.onepanel.extraction.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/** What the Word reader makes of the markup forms are made of. */
class DocxReaderTests {

    private final DocumentReader reader = new DocumentReader(ReadingLimits.defaults());

    @Test
    void mergedCellsKeepTheirColumnsAndTheLowerPartOfAVerticalMergeIsMarked() throws ReadFailure {
        WordDocument d = new WordDocument();
        d.table().row().cellOf("", 1, "restart", "D9E2F3").cell("Subject: a").row().cellOf("", 1, "continue", null)
                .cell("Others: b").row().cell("wide", 2).end();
        TableBlock table = firstTable(reader.read("f.docx", d.bytes()));
        assertThat(table.rows().get(1).cells().get(0).continuation()).isTrue();
        assertThat(table.rows().get(0).cells().get(0).continuation()).isFalse();
        assertThat(table.rows().get(0).cells().get(0).fill()).isEqualTo("D9E2F3");
        TableBlock.Cell wide = table.rows().get(2).cells().get(0);
        assertThat(wide.to() - wide.from()).isEqualTo(2);
        assertThat(table.rows().get(1).cells().get(1).from()).isEqualTo(1);
    }

    @Test
    void contentControlsGiveTheirTextButNotTheirPlaceholderPrompt() throws ReadFailure {
        WordDocument d = new WordDocument();
        d.paragraphOf(WordDocument.run("First name: ") + d.textControl("Dorothy"))
                .paragraphOf(WordDocument.run("Other names used: ") + d.textControl(""));
        assertThat(texts(reader.read("f.docx", d.bytes()))).containsExactly("First name: Dorothy",
                "Other names used: ");
    }

    @Test
    void everyKindOfCheckBoxBecomesATickedOrEmptyBox() throws ReadFailure {
        WordDocument d = new WordDocument();
        d.paragraphOf(d.checkBoxControl(false) + WordDocument.run(" Yes ") + d.checkBoxControl(true)
                        + WordDocument.run(" No"))
                .paragraphOf(WordDocument.formCheckBox(true) + WordDocument.run(" Yes ")
                        + WordDocument.formCheckBox(false) + WordDocument.run(" No"))
                .paragraphOf(WordDocument.wingdingsBox(false) + WordDocument.run(" Yes ")
                        + WordDocument.wingdingsBox(true) + WordDocument.run(" No"))
                .paragraph("☐ Yes ☒ No");
        assertThat(texts(reader.read("f.docx", d.bytes()))).containsExactly("☐ Yes ☒ No", "☒ Yes ☐ No",
                "☐ Yes ☒ No", "☐ Yes ☒ No");
    }

    @Test
    void legacyTextFieldsGiveTheirResultNotTheirFieldCode() throws ReadFailure {
        WordDocument d = new WordDocument();
        d.paragraphOf(WordDocument.run("Surname: ") + WordDocument.formText("Fairweather"));
        assertThat(texts(reader.read("f.docx", d.bytes()))).containsExactly("Surname: Fairweather");
    }

    @Test
    void headingStylesAreMarked() throws ReadFailure {
        WordDocument d = new WordDocument().heading("2. Subject details").paragraph("First name");
        List<Block> blocks = reader.read("f.docx", d.bytes()).blocks();
        assertThat(((TextBlock) blocks.get(0)).heading()).isTrue();
        assertThat(((TextBlock) blocks.get(1)).heading()).isFalse();
    }

    @Test
    void nestedTablesStayInsideTheirCell() throws ReadFailure {
        WordDocument inner = new WordDocument();
        String nested = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
        inner.table().row().cellOf(nested, 1, null, null).end();
        TableBlock outer = firstTable(reader.read("f.docx", inner.bytes()));
        assertThat(outer.rows().get(0).cells().get(0).content()).anyMatch(b -> b instanceof TableBlock);
        assertThat(outer.rows().get(0).cells().get(0).text()).isEqualTo("inner");
    }

    private static TableBlock firstTable(DocumentLayout layout) {
        return (TableBlock) layout.blocks().stream().filter(b -> b instanceof TableBlock).findFirst().orElseThrow();
    }

    private static List<String> texts(DocumentLayout layout) {
        List<String> out = new ArrayList<>();
        for (Block b : layout.blocks()) {
            if (b instanceof TextBlock t && !t.blank()) {
                out.add(t.text());
            }
        }
        return out;
    }
}
