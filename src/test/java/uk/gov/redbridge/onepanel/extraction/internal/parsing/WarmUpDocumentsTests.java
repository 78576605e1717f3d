package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.reading.DocumentReader;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * The documents a new worker reads before real ones must be read by the same paths as real forms (a table read as a
 * table, the PDF's ruled cells as cells), or they warm up nothing.
 */
class WarmUpDocumentsTests {

    private final DocumentReader reader = new DocumentReader(ReadingLimits.defaults());

    @Test
    void theWordFormIsReadAsATableOfLabelsAndAnswers() throws ReadFailure {
        DocumentLayout layout = reader.read("warm-up.docx", WarmUpDocuments.docx());
        assertThat(layout.format()).isEqualTo("docx");
        assertThat(layout.blocks()).anyMatch(TableBlock.class::isInstance);
        assertThat(layout.text()).contains("Date of birth", "01/01/2000", "\u2612");
    }

    @Test
    void thePdfIsReadWithItsRuledCells() throws ReadFailure {
        DocumentLayout layout = reader.read("warm-up.pdf", WarmUpDocuments.pdf());
        assertThat(layout.format()).isEqualTo("pdf");
        assertThat(layout.pages()).isEqualTo(1);
        assertThat(layout.blocks()).anyMatch(TableBlock.class::isInstance);
        assertThat(layout.text()).contains("Summary of reason for referral", "Example text for a warm-up");
    }

    @Test
    void theHtmlAndTextAreReadLikeEmailBodies() throws ReadFailure {
        DocumentLayout html = reader.read("warm-up.html", WarmUpDocuments.html());
        assertThat(html.format()).isEqualTo("html");
        assertThat(html.blocks()).anyMatch(TableBlock.class::isInstance);
        DocumentLayout text = reader.read("warm-up.txt", WarmUpDocuments.text());
        assertThat(text.text()).contains("Last name: Example");
    }

    @Test
    void theWarmUpEmailCarriesTheWordFormAndTheTypedLabels() throws Exception {
        uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail mail = uk.gov.redbridge.onepanel.mailparsing
                .parser.MailParser.parse(WarmUpDocuments.email());
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("warm-up.docx");
            assertThat(a.content()).isEqualTo(WarmUpDocuments.docx());
        });
        assertThat(mail.textBody()).contains("Date of birth: 01/01/2000");
    }

    @Test
    void everyWarmUpDocumentIsOneOfThose() {
        assertThat(WarmUpDocuments.all()).extracting(WarmUpDocuments.Document::fileName)
                .containsExactly("warm-up.docx", "warm-up.pdf", "warm-up.html", "warm-up.txt");
    }
}
