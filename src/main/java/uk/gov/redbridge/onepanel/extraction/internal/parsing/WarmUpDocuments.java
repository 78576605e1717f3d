package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The documents a new parsing worker reads before it is given real ones: a Word form (tables, shaded label cells,
 * a content control, a tick box), a PDF with ruled cells, an HTML table and plain text, the formats referrals come
 * in. Reading them loads and initialises the parsers (POI's schema types, PDFBox's fonts, Tika's configuration),
 * which is most of what makes a new worker's first document take seconds instead of milliseconds.
 *
 * <p>They are written here byte by byte (no POI or PDFBox in the service's JVM just for this), hold no personal data
 * (labels and the word "Example"), and never leave the worker: what it replies is thrown away.
 */
public final class WarmUpDocuments {

    /** One warm-up document. */
    record Document(String fileName, byte[] content) {
    }

    // before ALL, which is built from it
    private static final String[][] ROWS = {
            {"First name", "Example"},
            {"Last name", "Example"},
            {"Date of birth", "01/01/2000"},
            {"Summary of reason for referral", "Example text for a warm-up, not a referral."},
    };

    private static final List<Document> ALL = List.of(
            new Document("warm-up.docx", docx()),
            new Document("warm-up.pdf", pdf()),
            new Document("warm-up.html", html()),
            new Document("warm-up.txt", text()));

    private WarmUpDocuments() {
    }

    static List<Document> all() {
        return ALL;
    }

    /**
     * An email with the warm-up Word form attached and the form's labels typed in its text: read once by the service
     * itself, so that its own part of reading an email (MIME, locating the fields, normalising them) is loaded before
     * the first referral too.
     */
    public static byte[] email() {
        String boundary = "warm-up-boundary";
        String attachment = java.util.Base64.getMimeEncoder().encodeToString(docx());
        String mail = "From: warm-up@onepanel.invalid\r\nTo: warm-up@onepanel.invalid\r\nSubject: warm-up\r\n"
                + "Message-ID: <warm-up@onepanel.invalid>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + new String(text(), StandardCharsets.UTF_8).replace("\n", "\r\n") + "\r\n"
                + "--" + boundary + "\r\nContent-Type: application/vnd.openxmlformats-officedocument."
                + "wordprocessingml.document; name=\"warm-up.docx\"\r\n"
                + "Content-Disposition: attachment; filename=\"warm-up.docx\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n"
                + "--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] docx() {
        StringBuilder body = new StringBuilder();
        body.append("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>1. Warm-up</w:t></w:r></w:p>");
        body.append("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>");
        for (String[] row : ROWS) {
            body.append("<w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/></w:tcPr>")
                    .append("<w:p><w:r><w:t>").append(row[0]).append("</w:t></w:r></w:p></w:tc>")
                    .append("<w:tc><w:p><w:r><w:t>").append(row[1]).append("</w:t></w:r></w:p></w:tc></w:tr>");
        }
        body.append("<w:tr><w:tc><w:p><w:r><w:t>Consent</w:t></w:r></w:p></w:tc><w:tc><w:sdt><w:sdtPr>")
                .append("<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:p>")
                .append("<w:r><w:t>\u2612 Yes</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>");
        body.append("</w:tbl><w:p><w:r><w:t>Kind regards</w:t></w:r></w:p>");
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"><w:body>" + body
                + "</w:body></w:document>";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", contentTypes);
            entry(zip, "_rels/.rels", rels);
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** One A4 page: a ruled two-column table of labels and answers, in Helvetica. */
    static byte[] pdf() {
        StringBuilder page = new StringBuilder("0.5 w\n");
        float top = 760;
        float rowHeight = 24;
        page.append("BT /F1 14 Tf 50 780 Td (1. Warm-up) Tj ET\n");
        for (int i = 0; i < ROWS.length; i++) {
            float y = top - (i + 1) * rowHeight;
            page.append("0.85 g 50 ").append(y).append(" 180 ").append(rowHeight).append(" re f 0 g\n");
            page.append("50 ").append(y).append(" 180 ").append(rowHeight).append(" re S\n");
            page.append("230 ").append(y).append(" 315 ").append(rowHeight).append(" re S\n");
            page.append("BT /F1 10 Tf 54 ").append(y + 8).append(" Td (").append(ROWS[i][0]).append(") Tj ET\n");
            page.append("BT /F1 10 Tf 234 ").append(y + 8).append(" Td (").append(ROWS[i][1]).append(") Tj ET\n");
        }
        String stream = page.toString();
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
                + " /Contents 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        objects.add("<< /Length " + stream.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + stream
                + "endstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] html() {
        StringBuilder html = new StringBuilder("<html><body><h2>1. Warm-up</h2><table>");
        for (String[] row : ROWS) {
            html.append("<tr><td><b>").append(row[0]).append("</b></td><td>").append(row[1]).append("</td></tr>");
        }
        return html.append("</table><p>Kind regards</p></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text() {
        StringBuilder text = new StringBuilder("1. Warm-up\n");
        for (String[] row : ROWS) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
