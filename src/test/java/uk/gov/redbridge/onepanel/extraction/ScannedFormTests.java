package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormAssertions;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;

/**
 * Scans (no text layer, turned on the scanner, speckled) read by OCR through Tesseract, in the parsing workers as
 * the service reads them: the table cells are rebuilt from the ruling lines in the image. OCR misreads now and then,
 * so the bar is the corpus scorer's, on nearly all fields; numbers read by OCR are always marked for checking.
 */
@External
class ScannedFormTests {

    static final FormExtractor ISOLATED = FormExtractor.standalone(Map.of());

    @ParameterizedTest(name = "{0}, case {1}, at {2} dpi turned {3} degrees")
    @CsvSource({"ruled table, 0, 200, 1.1", "ruled table, 1, 300, -0.6", "fillable form, 0, 200, 0.8",
        "plain lines, 1, 200, 0.5"})
    void readsNearlyEveryFieldOfAScan(String layout, int variant, int dpi, double degrees) {
        SampleReferral sample = SampleReferral.of(variant, Wording.OFFICIAL, DateStyle.DMY);
        Function<SampleReferral, byte[]> writer = switch (layout) {
            case "ruled table" -> FormPdfs::ruledTable;
            case "fillable form" -> FormPdfs::fillableForm;
            default -> FormPdfs::plainLines;
        };
        byte[] scan = FormPdfs.scanned(writer.apply(sample), degrees, dpi);

        var form = FormAssertions.assertForm(ISOLATED.extract("scan.pdf", scan));

        Map<String, String> expected = new LinkedHashMap<>(sample.expected());
        if (layout.equals("fillable form")) {
            expected.putAll(FormVarietyTests.ticked(sample));
        }
        List<String> wrong = new ArrayList<>();
        assertThat(FormAssertions.shareReadRight(form, expected, wrong)).as("fields read right; wrong: %s", wrong)
                .isGreaterThanOrEqualTo(0.93);
        assertThat(form.field("subject.nhs_number")).hasValueSatisfying(nhs ->
                assertThat(nhs.confidence()).isLessThan(ISOLATED.reviewThreshold()));
    }

    @AfterAll
    static void close() {
        ISOLATED.close();
    }
}
