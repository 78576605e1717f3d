package uk.gov.redbridge.onepanel.papers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.testing.Documents;

/**
 * Word documents converted by LibreOffice when it is installed (Debian package {@code libreoffice-writer-nogui},
 * which {@code .ci/run} installs): the pages are LibreOffice's, and a document LibreOffice cannot read still gets a
 * reason rather than an error.
 */
@External
class LibreOfficeConversionTests {

    private final PapersSettings settings = new PapersSettings("soffice", Duration.ofSeconds(120),
            Duration.ofSeconds(60), DataSize.ofMegabytes(5), DataSize.ofMegabytes(5), 50, 200_000, 20_000_000,
            DataSize.ofMegabytes(10), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private final DocumentConverter converter = DocumentConverterTests.converter(settings);

    @Test
    void aWordDocumentIsConvertedByLibreOffice() {
        assertThat(new LibreOffice(settings).available()).as("soffice on the PATH").isTrue();
        Conversion result = converter.convert(new SourceDocument("OP-2026-0001", "Return from NELFT", "report.docx",
                Documents.DOCX, Documents.docx("Single agency report", "Seen by the health visitor in January")));
        assertThat(result).isInstanceOfSatisfying(Conversion.Pages.class, p -> {
            assertThat(p.method()).isEqualTo("libreoffice");
            assertThat(DocumentConverterTests.text(p.pdf())).contains("Single agency report",
                    "Seen by the health visitor in January");
        });
    }

    @Test
    void aDocumentLibreOfficeCannotReadGetsAReason() {
        byte[] broken = Documents.docx("Chronology");
        byte[] truncated = java.util.Arrays.copyOf(broken, broken.length / 2);
        assertThat(converter.convert(new SourceDocument("OP-2026-0001", "Return from MPS", "broken.docx",
                Documents.DOCX, truncated))).isInstanceOf(Conversion.Refused.class);
    }
}
