package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Every way a document can fail to be a readable form gets its own reason and a plain explanation that names the
 * kind of file, never its content. (Emails that hold no form: {@link EmailFormTests}; parsers that hang or run out
 * of memory: {@code ParsingIsolationTests}.)
 */
class BadInputTests {

    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    final FormExtractor extractor = TestExtractors.inProcess();

    @Test
    void aPdfThatNeedsAPasswordToOpenIsEncrypted() {
        byte[] pdf = FormPdfs.protect(FormPdfs.ruledTable(SAMPLE), "owner-secret", "user-secret");
        assertFailure(extractor.extract("form.pdf", pdf), FailureReason.ENCRYPTED, "PDF is password-protected");
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsRead() {
        byte[] pdf = FormPdfs.protect(FormPdfs.ruledTable(SAMPLE), "owner-secret", "");
        ExtractionResult result = extractor.extract("form.pdf", pdf);
        assertThat(result).isInstanceOf(FormExtracted.class);
        assertThat(((FormExtracted) result).form().value("subject.last_name")).contains("Fairweather");
    }

    @Test
    void aPasswordProtectedWordDocumentIsEncrypted() {
        byte[] docx = HostileFiles.passwordProtected(FormDocuments.officialTables(SAMPLE), "open-sesame");
        assertFailure(extractor.extract("form.docx", docx), FailureReason.ENCRYPTED, "password-protected");
    }

    @Test
    void aTruncatedWordDocumentIsCorrupt() {
        byte[] docx = FormDocuments.officialTables(SAMPLE);
        assertFailure(extractor.extract("form.docx", Arrays.copyOf(docx, docx.length / 2)), FailureReason.CORRUPT,
                "Word document is damaged");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsCorrupt() {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        assertFailure(extractor.extract("form.pdf", junk), FailureReason.CORRUPT, "PDF");
        byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage"
                .getBytes(StandardCharsets.US_ASCII);
        assertFailure(extractor.extract("form.pdf", brokenPdf), FailureReason.CORRUPT, "PDF");
    }

    @Test
    void nothingAtAllIsEmpty() {
        assertFailure(extractor.extract("form.docx", new byte[0]), FailureReason.EMPTY, "empty");
        assertFailure(extractor.extract("form.docx", new WordDocument().paragraph(" ").bytes()), FailureReason.EMPTY,
                "no text");
    }

    @Test
    void aLetterOrAChronologyIsNotAForm() {
        byte[] letter = new WordDocument().paragraph("Dear Chair,\n\nI write about the recent death of a resident "
                + "of ours, Mrs Fairweather, born 2 May 1961. I would like the panel to consider a review.\n\n"
                + "Yours sincerely\n\nPriya Okonjo").bytes();
        ExtractionResult result = extractor.extract("letter.docx", letter);
        assertFailure(result, FailureReason.NOT_A_FORM, "not a referral form");
        assertThat(((ExtractionFailed) result).explanation()).doesNotContain("Fairweather");
        assertFailure(extractor.extract("chronology.docx", EmailFormTests.chronology()), FailureReason.NOT_A_FORM,
                "not a referral form");
    }

    @Test
    void aScanWithoutAnOcrEngineNeedsOcr() {
        ReadingLimits noTesseract = ReadingLimits.defaults().withOcr(new ReadingLimits.Ocr(true,
                "/nowhere/tesseract", "eng", 300, 10, 60));
        byte[] scan = FormPdfs.scanned(FormPdfs.ruledTable(SAMPLE), 0.5, 100);
        assertFailure(TestExtractors.inProcess(noTesseract).extract("scan.pdf", scan), FailureReason.NEEDS_OCR,
                "no OCR engine");
        ReadingLimits ocrOff = ReadingLimits.defaults().withOcr(new ReadingLimits.Ocr(false, "tesseract", "eng",
                300, 10, 60));
        assertFailure(TestExtractors.inProcess(ocrOff).extract("scan.pdf", scan), FailureReason.NEEDS_OCR, "scan");
    }

    @Test
    void overTheSizeOrPageOrPartLimitsIsTooLarge() {
        ReadingLimits small = new ReadingLimits(200_000, 50, 1000, 0.01, 100L << 20, 2_000_000,
                ReadingLimits.defaults().ocr());
        byte[] big = new byte[300_000];
        assertFailure(TestExtractors.inProcess(small).extract("form.pdf", big), FailureReason.TOO_LARGE,
                "larger than the limit");
        assertFailure(extractor.extract("form.pdf", HostileFiles.pdfWithPages(60)), FailureReason.TOO_LARGE,
                "more than 50 pages");
        assertFailure(extractor.extract("form.docx", HostileFiles.manyEntries(1500)), FailureReason.TOO_LARGE,
                "more than 1000 parts");
    }

    @Test
    void aZipBombIsTooLargeWhetherItsDirectoryTellsTheTruthOrNot() {
        assertFailure(extractor.extract("form.docx", HostileFiles.zipBombDocx(60, true)), FailureReason.TOO_LARGE,
                "decompression limit");
        assertFailure(extractor.extract("form.docx", HostileFiles.zipBombDocx(60, false)), FailureReason.TOO_LARGE,
                "limit");
    }

    @Test
    void aSmallPictureIsNotAForm() {
        byte[] logo = HostileFiles.hugePng(120);
        assertFailure(extractor.extract("logo.png", logo), FailureReason.NOT_A_FORM, "too small");
    }

    static void assertFailure(ExtractionResult result, FailureReason reason, String explanationPart) {
        assertThat(result).isInstanceOf(ExtractionFailed.class);
        ExtractionFailed failed = (ExtractionFailed) result;
        assertThat(failed.reason()).isEqualTo(reason);
        assertThat(failed.explanation()).contains(explanationPart);
        assertThat(failed.describe()).startsWith(reason.code() + ": ");
    }
}
