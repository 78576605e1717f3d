package uk.gov.redbridge.onepanel.papers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import uk.gov.redbridge.onepanel.testing.Documents;

/** Each kind of document an agency may send, turned into pages or refused with a reason; never an error. */
class DocumentConverterTests {

    static PapersSettings settings() {
        return new PapersSettings("", Duration.ofSeconds(60), Duration.ofSeconds(60), DataSize.ofMegabytes(5),
                DataSize.ofMegabytes(5), 50, 200_000, 20_000_000, DataSize.ofMegabytes(10),
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    }

    static DocumentConverter converter(PapersSettings settings) {
        HtmlToPdf html = new HtmlToPdf(settings);
        return new DocumentConverter(settings, new LibreOffice(settings), new OfficeText(settings),
                new PaperPages(html));
    }

    private final DocumentConverter converter = converter(settings());

    @Test
    void aPdfIsMergedAsItIs() {
        byte[] pdf = Documents.pdf("Chronology of involvement");
        Conversion result = converter.convert(doc("chronology.pdf", Documents.PDF, pdf));
        assertThat(result).isInstanceOfSatisfying(Conversion.Pages.class, p -> {
            assertThat(p.pdf()).isEqualTo(pdf);
            assertThat(p.method()).isEqualTo("pdf");
            assertThat(p.pages()).isEqualTo(1);
        });
    }

    @Test
    void aWordDocumentWithoutLibreOfficeIsRenderedFromItsTextAndTables() throws IOException {
        byte[] docx;
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("Single agency report for the panel");
            XWPFTable table = d.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Date");
            table.getRow(0).getCell(1).setText("Contact");
            table.getRow(1).getCell(0).setText("03/02/2026");
            table.getRow(1).getCell(1).setText("Home visit by the district nurse");
            d.write(out);
            docx = out.toByteArray();
        }
        Conversion result = converter.convert(doc("report.docx", Documents.DOCX, docx));
        assertThat(result).isInstanceOfSatisfying(Conversion.Pages.class, p -> {
            assertThat(p.method()).isEqualTo("text-rendering");
            assertThat(text(p.pdf())).contains("Single agency report for the panel", "Home visit by the district nurse",
                    "report.docx");
        });
    }

    @Test
    void plainTextAndHtmlAreReadablePagesWithoutAnythingActive() {
        Conversion text = converter.convert(doc("reply.txt", "text/plain; charset=UTF-8",
                "Not known to our service.\nRegards".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(text).isInstanceOfSatisfying(Conversion.Pages.class,
                p -> assertThat(text(p.pdf())).contains("Not known to our service."));
        Conversion html = converter.convert(doc("note.html", "text/html",
                "<p>Seen at clinic</p><script>alert(1)</script><img src='http://127.0.0.1:9/x.png'>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(html).isInstanceOfSatisfying(Conversion.Pages.class,
                p -> assertThat(text(p.pdf())).contains("Seen at clinic").doesNotContain("alert"));
    }

    @Test
    void anImageGetsAPageOfItsOwn() throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Conversion result = converter.convert(doc("body map.png", "image/png", png.toByteArray()));
        assertThat(result).isInstanceOfSatisfying(Conversion.Pages.class, p -> assertThat(p.pages()).isEqualTo(1));
    }

    @Test
    void whatCannotBeShownGetsAReasonInPlainWords() throws IOException {
        assertThat(converter.convert(doc("archive.zip", "application/zip", new byte[] {1, 2, 3})))
                .isEqualTo(new Conversion.Refused("a .zip file cannot be shown as pages"));
        assertThat(converter.convert(doc("locked.pdf", Documents.PDF, encryptedPdf())))
                .isEqualTo(new Conversion.Refused("password protected"));
        assertThat(converter.convert(doc("broken.docx", Documents.DOCX, "not a zip".getBytes())))
                .isInstanceOf(Conversion.Refused.class);
        assertThat(converter.convert(doc("broken.pdf", Documents.PDF, "%PDF-1.4 nothing".getBytes())))
                .isInstanceOfSatisfying(Conversion.Refused.class,
                        r -> assertThat(r.reason()).startsWith("could not be read"));
        assertThat(converter.convert(doc("empty.pdf", Documents.PDF, new byte[0])))
                .isEqualTo(new Conversion.Refused("the file is empty"));
        assertThat(converter.convert(doc("huge.pdf", Documents.PDF, new byte[6 * 1024 * 1024])))
                .isEqualTo(new Conversion.Refused("larger than 5 MB, the most the papers take"));
    }

    @Test
    void assembledPapersHaveABookmarkPerPartPageNumbersAndTheAttachments() throws IOException {
        byte[] one = Documents.pdf("First");
        byte[] two = Documents.pdf("Second");
        PdfAssembler.Assembled out = PdfAssembler.assemble(List.of(
                        new PdfAssembler.Part(null, "Agenda", one, "agenda"),
                        new PdfAssembler.Part("Item 1: OP-2026-0001", "Cover sheet", two, "OP-2026-0001"),
                        new PdfAssembler.Part("Item 1: OP-2026-0001", "Return from MPS: r.pdf", two, "OP-2026-0001")),
                List.of(new PdfAssembler.Attachment("OP-2026-0001 Return from MPS - data.zip", "application/zip",
                        new byte[] {1, 2})), "pack");
        assertThat(out.pages()).isEqualTo(3);
        try (PDDocument doc = Loader.loadPDF(out.pdf())) {
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            assertThat(outline.children()).extracting(i -> i.getTitle())
                    .containsExactly("Agenda", "Item 1: OP-2026-0001");
            assertThat(outline.getLastChild().children()).extracting(i -> i.getTitle())
                    .containsExactly("Cover sheet", "Return from MPS: r.pdf");
            assertThat(doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
                    .containsOnlyKeys("OP-2026-0001 Return from MPS - data.zip");
            assertThat(new PDFTextStripper().getText(doc)).contains("OP-2026-0001   page 3 of 3");
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SourceDocument doc(String name, String type, byte[] bytes) {
        return new SourceDocument("OP-2026-0001", "Return from NELFT", name, type, bytes);
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Documents.pdf("Secret")); ByteArrayOutputStream out =
                new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pass", "user-pass",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
