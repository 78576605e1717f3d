package uk.gov.redbridge.onepanel.extraction.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;

/**
 * A Word 97 (.doc) form keeps its label cells' shading, which Tika's output leaves out: the project's own .docx with
 * a row of shaded labels over a row of answers, saved as .doc by LibreOffice (as referrers' older copies are).
 */
@External
class WordNinetySevenShadingTests {

    @TempDir
    Path dir;

    @Test
    void aRowOfShadedLabelsOverARowOfAnswersKeepsItsShading() throws Exception {
        byte[] docx = new WordDocument().heading("Section 2 - Details of the subject").table()
                .row().label("Full name").label("Ethnic background").label("Housing tenure")
                .row().cell("Rosa Greaves").cell("White - Irish").cell("Housing association")
                .row().label("Home address", 3)
                .row().cell("56 Balfour Road, Barkingside IG6 1QE", 3)
                .end().bytes();
        Files.write(dir.resolve("form.docx"), docx);
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + dir.resolve("lo"),
                "--headless", "--convert-to", "doc", "--outdir", dir.toString(), dir.resolve("form.docx").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice converts within 3 minutes").isTrue();
        byte[] doc = Files.readAllBytes(dir.resolve("form.doc"));

        TableBlock table = (TableBlock) new DocumentReader(ReadingLimits.defaults()).read("form.doc", doc).blocks()
                .stream().filter(b -> b instanceof TableBlock).findFirst().orElseThrow();

        assertThat(table.rows()).hasSize(4);
        assertThat(table.rows().get(0).cells()).extracting(TableBlock.Cell::fill).containsOnly("D9E2F3");
        assertThat(table.rows().get(1).cells()).extracting(TableBlock.Cell::text).contains("White - Irish");
        assertThat(table.rows().get(1).cells()).extracting(TableBlock.Cell::fill).containsOnlyNulls();
        assertThat(table.rows().get(2).cells()).filteredOn(c -> !c.continuation()).extracting(TableBlock.Cell::fill)
                .containsExactly("D9E2F3");
    }
}
