package uk.gov.redbridge.onepanel.extraction.internal.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/** OpenDocument, RTF, HTML and plain text: paragraphs and tables as the Word reader gives them. */
class OtherFormatsTests {

    private final DocumentReader reader = new DocumentReader(ReadingLimits.defaults());

    @Test
    void anOpenDocumentTableKeepsItsCells() throws ReadFailure {
        String content = "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>"
                + "<text:h>2. Subject details</text:h><table:table><table:table-row><table:table-cell><text:p>First "
                + "name</text:p></table:table-cell><table:table-cell><text:p>Dorothy</text:p></table:table-cell>"
                + "</table:table-row></table:table></office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" "
                + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>";
        byte[] odt = zip(List.of(new String[] {"mimetype", "application/vnd.oasis.opendocument.text"},
                new String[] {"content.xml", content}, new String[] {"META-INF/manifest.xml", manifest}));
        DocumentLayout layout = reader.read("f.odt", odt);
        assertThat(layout.format()).isEqualTo("odt");
        TableBlock table = (TableBlock) layout.blocks().stream().filter(b -> b instanceof TableBlock).findFirst()
                .orElseThrow();
        assertThat(table.rows().get(0).cells()).extracting(TableBlock.Cell::text).containsExactly("First name",
                "Dorothy");
    }

    @Test
    void anOpenDocumentTableKeepsItsCellsShading() throws ReadFailure {
        // a row of shaded labels over a row of answers: the shading, which Tika's XHTML leaves out, tells them apart
        String content = "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"><office:automatic-styles>"
                + "<style:style style:name=\"T.A1\" style:family=\"table-cell\"><style:table-cell-properties "
                + "fo:background-color=\"#d9e2f3\"/></style:style><style:style style:name=\"T.A2\" "
                + "style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"transparent\"/>"
                + "</style:style></office:automatic-styles><office:body><office:text><table:table>"
                + "<table:table-row><table:table-cell table:style-name=\"T.A1\"><text:p>Full name</text:p>"
                + "</table:table-cell><table:table-cell table:style-name=\"T.A1\"><text:p>Ethnic background</text:p>"
                + "</table:table-cell></table:table-row><table:table-row><table:table-cell table:style-name=\"T.A2\">"
                + "<text:p>Rosa Greaves</text:p></table:table-cell><table:table-cell table:style-name=\"T.A2\">"
                + "<text:p>White - Irish</text:p></table:table-cell></table:table-row><table:table-row>"
                + "<table:table-cell table:style-name=\"T.A1\" table:number-columns-spanned=\"2\"><text:p>Home "
                + "address</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>"
                + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" "
                + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>";
        byte[] odt = zip(List.of(new String[] {"mimetype", "application/vnd.oasis.opendocument.text"},
                new String[] {"content.xml", content}, new String[] {"META-INF/manifest.xml", manifest}));
        TableBlock table = (TableBlock) reader.read("f.odt", odt).blocks().stream()
                .filter(b -> b instanceof TableBlock).findFirst().orElseThrow();
        assertThat(table.rows().get(0).cells()).extracting(TableBlock.Cell::fill).containsExactly("D9E2F3",
                "D9E2F3");
        assertThat(table.rows().get(1).cells()).extracting(TableBlock.Cell::fill).containsExactly(null, null);
        assertThat(table.rows().get(2).cells()).extracting(TableBlock.Cell::text, TableBlock.Cell::fill)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Home address", "D9E2F3"));
    }

    @Test
    void anHtmlTableWithRowSpansKeepsItsColumns() throws ReadFailure {
        String html = "<html><body><table><tr><td rowspan=2>Details</td><td>Subject: a</td></tr>"
                + "<tr><td>Others: b</td></tr></table></body></html>";
        DocumentLayout layout = reader.read("body.html", html.getBytes(StandardCharsets.UTF_8));
        TableBlock table = (TableBlock) layout.blocks().get(0);
        TableBlock.Row second = table.rows().get(1);
        assertThat(second.cells().get(0).continuation()).isTrue();
        assertThat(second.cells().get(1).text()).isEqualTo("Others: b");
        assertThat(second.cells().get(1).from()).isEqualTo(1);
    }

    @Test
    void rtfParagraphsAreRead() throws ReadFailure {
        String rtf = "{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0 First name: Dorothy\\par Surname: Fairweather\\par}";
        DocumentLayout layout = reader.read("f.rtf", rtf.getBytes(StandardCharsets.US_ASCII));
        assertThat(layout.text()).contains("First name: Dorothy").contains("Surname: Fairweather");
    }

    @Test
    void plainTextLinesAreParagraphsAndTabbedLinesAreTableRows() {
        DocumentLayout layout = PlainTextReader.read("Dear Panel,\nFirst name\tDorothy\nSurname\tFairweather\n\nThanks",
                "text");
        List<Block> blocks = layout.blocks();
        assertThat(((TextBlock) blocks.get(0)).text()).isEqualTo("Dear Panel,");
        TableBlock table = (TableBlock) blocks.get(1);
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(1).cells()).extracting(TableBlock.Cell::text).containsExactly("Surname",
                "Fairweather");
    }

    @Test
    void quotedLinesOfAReplyReadAsTheirText() {
        DocumentLayout layout = PlainTextReader.read("> First name: Dorothy\n>> Surname: Fairweather", "text");
        assertThat(layout.blocks()).extracting(b -> ((TextBlock) b).text()).containsExactly("First name: Dorothy",
                "Surname: Fairweather");
    }

    @Test
    void textInAnUnknownEncodingFallsBackToWindows1252() throws ReadFailure {
        byte[] latin = "Surname: Ni Bhriain\nOther names: Siobh\u00e1n".getBytes(java.nio.charset.Charset.forName(
                "windows-1252"));
        assertThat(reader.read("f.txt", latin).text()).contains("Siobh\u00e1n");
    }

    private static byte[] zip(List<String[]> entries) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (String[] e : entries) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
