package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormEmails;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;

/** The command line, as `java -jar ... extract` runs it: parsing workers included, no Spring, no database. */
class ExtractCommandTests {

    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOneJsonFilePerInputNamedAfterIt(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("case-07.docx"), FormDocuments.officialTables(SAMPLE));
        Files.write(in.resolve("case-08.eml"), FormEmails.message("Referral").text(SAMPLE.asText()).bytes());
        byte[] docx = FormDocuments.officialTables(SAMPLE);
        Files.write(in.resolve("case-09.docx"), Arrays.copyOf(docx, docx.length / 3));
        Files.write(in.resolve("case-09.pdf"), FormPdfs.ruledTable(SAMPLE));
        Path outDir = dir.resolve("out");

        int status = run(in.toString(), "--out", outDir.toString());

        assertThat(status).isZero();
        JsonNode form = json(outDir.resolve("case-07.json"));
        assertThat(form.get("subject").get("last_name").asString()).isEqualTo("Fairweather");
        assertThat(form.get("subject").get("age").asInt()).isEqualTo(64);
        assertThat(form.get("confidence").get("subject.last_name").asDouble()).isBetween(0.0, 1.0);
        assertThat(form.get("provenance").get("subject.last_name").get("label").asString()).isEqualTo("Last name");
        assertThat(json(outDir.resolve("case-08.json")).get("referrer").get("email").asString())
                .isEqualTo("p.okonjo@redbridge.gov.uk");
        assertThat(json(outDir.resolve("case-09.json")).get("exception").asString()).startsWith("corrupt: ");
        // two inputs named alike: the second keeps its type in its name
        assertThat(json(outDir.resolve("case-09-pdf.json")).get("subject").get("first_name").asString())
                .isEqualTo("Dorothy");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("case-07.docx -> case-07.json: form appendix-e-v1");
    }

    @Test
    void aMissingInputIsReportedAndTheOthersAreStillWritten(@TempDir Path dir) throws IOException {
        Path form = dir.resolve("form.docx");
        Files.write(form, FormDocuments.labelAndAnswerInOneCell(SAMPLE));
        int status = run(form.toString(), dir.resolve("nowhere.pdf").toString(), "--out", dir.resolve("out")
                .toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not found");
        assertThat(dir.resolve("out").resolve("form.json")).exists();
    }

    @Test
    void withoutInputsOrOutputFolderItShowsHowToUseIt() {
        assertThat(run("--out", "x")).isEqualTo(2);
        assertThat(run("a.docx")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: extract");
    }

    private int run(String... args) {
        return ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }
}
