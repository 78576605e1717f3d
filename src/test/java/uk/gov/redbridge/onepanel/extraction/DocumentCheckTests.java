package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;

/** A document added by hand is kept only if the same bounded reading as mail can open it. */
class DocumentCheckTests {

    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    final FormExtractor extractor = TestExtractors.inProcess();

    @Test
    void keepsAWordLetterAndAForm() {
        byte[] letter = new WordDocument().heading("Chronology").paragraph("12 March: visit by the duty team.").bytes();
        assertThat(extractor.check("chronology.docx", letter))
                .isEqualTo(DocumentCheck.accepted("Word document"));
        assertThat(extractor.check("form.docx", FormDocuments.officialTables(SAMPLE)).accepted()).isTrue();
    }

    @Test
    void keepsAPdfFarLongerThanAFormMayBe() {
        // forms are refused over 50 pages; papers such as chronologies run to hundreds
        DocumentCheck check = extractor.check("chronology.pdf", FormPdfs.chronology(120));
        assertThat(check.accepted()).as("%s", check).isTrue();
        assertThat(check.kind()).isEqualTo("PDF");
    }

    @Test
    void keepsAScanAsItIsWithoutReadingIt() {
        byte[] scan = FormPdfs.scanned(FormPdfs.ruledTable(SAMPLE), 0.5, 100);
        assertThat(extractor.check("scan.pdf", scan)).isEqualTo(DocumentCheck.accepted("scan"));
    }

    @Test
    void refusesAPasswordProtectedDocument() {
        byte[] locked = HostileFiles.passwordProtected(FormDocuments.officialTables(SAMPLE), "secret");
        DocumentCheck check = extractor.check("return.docx", locked);
        assertThat(check.accepted()).isFalse();
        assertThat(check.reason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(check.explanation()).contains("password");

        byte[] lockedPdf = FormPdfs.protect(FormPdfs.ruledTable(SAMPLE), "owner", "user");
        assertThat(extractor.check("return.pdf", lockedPdf).reason()).isEqualTo(FailureReason.ENCRYPTED);
    }

    @Test
    void refusesTheEmptyTheDamagedAndTheUnknown() {
        assertThat(extractor.check("empty.pdf", new byte[0]).reason()).isEqualTo(FailureReason.EMPTY);
        byte[] cut = java.util.Arrays.copyOf(FormDocuments.officialTables(SAMPLE), 900);
        assertThat(extractor.check("cut.docx", cut).reason()).isEqualTo(FailureReason.CORRUPT);
        byte[] program = {0x4D, 0x5A, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00};
        DocumentCheck unknown = extractor.check("tool.exe", program);
        assertThat(unknown.accepted()).isFalse();
        assertThat(unknown.explanation()).contains("PDF, Word");
    }

    @Test
    void refusesADecompressionBomb() {
        DocumentCheck check = extractor.check("bomb.docx", HostileFiles.zipBombDocx(200, true));
        assertThat(check.accepted()).isFalse();
        assertThat(check.reason()).isEqualTo(FailureReason.TOO_LARGE);
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        byte[] big = ("x".repeat(1024) + "\n").repeat(26 * 1024).getBytes(StandardCharsets.US_ASCII);
        assertThat(extractor.check("notes.txt", big).reason()).isEqualTo(FailureReason.TOO_LARGE);
    }
}
