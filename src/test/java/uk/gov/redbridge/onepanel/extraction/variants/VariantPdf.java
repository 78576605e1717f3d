package uk.gov.redbridge.onepanel.extraction.variants;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Layout;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Person;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Row;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Section;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Style;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Topic;

/** A variant form as a text PDF (PDFBox): ruled tables, "Label: answer" lines, or answers under labels. */
final class VariantPdf {

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float SIZE = 9;
    private static final float LEADING = 11;
    private static final float LEFT = 50;
    private static final float WIDTH = 495;
    private static final Color SHADE = new Color(217, 226, 243);

    private VariantPdf() {
    }

    static byte[] write(VariantForm form) {
        try (PDDocument doc = new PDDocument()) {
            Cursor c = new Cursor(doc);
            if (form.style().layout() == Layout.TABLES) {
                tables(c, form);
            } else {
                for (TextLines.Line l : TextLines.of(form)) {
                    boolean heading = l.kind() == TextLines.Kind.TITLE || l.kind() == TextLines.Kind.HEADING;
                    boolean label = l.kind() == TextLines.Kind.LABEL || l.kind() == TextLines.Kind.SUBHEADING;
                    if (heading) {
                        c.y -= 6;
                    }
                    for (String line : wrap(l.text(), WIDTH, heading || label ? BOLD : FONT, heading ? 11 : SIZE)) {
                        c.text(line, heading || label ? BOLD : FONT, heading ? 11 : SIZE);
                    }
                }
            }
            c.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void tables(Cursor c, VariantForm form) throws IOException {
        Style style = form.style();
        if (form.title() != null) {
            c.text(form.title(), BOLD, 13);
            c.y -= 8;
        }
        for (Section s : form.sections()) {
            if (s.heading() != null) {
                c.row(List.of(new Cell(s.heading(), WIDTH, true, new Color(31, 56, 100))));
            }
            if (s.key().equals("persons") && style.personsInColumns()) {
                int n = s.persons().size();
                float labelWidth = 120;
                float each = (WIDTH - labelWidth) / n;
                List<Cell> head = new ArrayList<>(List.of(new Cell("", labelWidth, false, null)));
                for (Person p : s.persons()) {
                    head.add(new Cell(p.heading() == null ? "" : p.heading(), each, true, SHADE));
                }
                c.row(head);
                List<Row> first = s.persons().get(0).rows();
                for (int i = 0; i < first.size(); i++) {
                    List<Cell> cells = new ArrayList<>(List.of(new Cell(label(first.get(i).label(), style), labelWidth,
                            false, SHADE)));
                    for (Person p : s.persons()) {
                        cells.add(new Cell(p.rows().get(i).written(), each, false, null));
                    }
                    c.row(cells);
                }
                continue;
            }
            for (Person p : s.persons()) {
                if (p.heading() != null) {
                    c.row(List.of(new Cell(p.heading(), WIDTH, true, new Color(242, 242, 242))));
                }
                pairs(c, p.rows(), style);
            }
            if (!s.topics().isEmpty() && style.involvementGrid()) {
                float w = WIDTH / 3;
                c.row(List.of(new Cell("", w, false, null), new Cell(s.topics().get(0).subjectPart(), w, true, SHADE),
                        new Cell(s.topics().get(0).othersPart(), w, true, SHADE)));
                for (Topic t : s.topics()) {
                    c.row(List.of(new Cell(label(t.label(), style), w, false, SHADE), new Cell(t.subject(), w, false,
                            null), new Cell(t.others(), w, false, null)));
                }
            } else {
                for (Topic t : s.topics()) {
                    c.row(List.of(new Cell(t.label(), WIDTH, false, SHADE)));
                    c.row(List.of(new Cell(t.subjectPart() + ": " + t.subject(), WIDTH, false, null)));
                    c.row(List.of(new Cell(t.othersPart() + ": " + t.others(), WIDTH, false, null)));
                }
            }
            pairs(c, s.rows(), style);
        }
    }

    private static String label(String text, Style style) {
        return style.colonInLabelCells() && !text.endsWith("?") ? text + ":" : text;
    }

    private static void pairs(Cursor c, List<Row> rows, Style style) throws IOException {
        int pairs = style.pairsPerRow();
        List<Row> pending = new ArrayList<>();
        for (Row r : rows) {
            if (r.written().length() > 60 || pairs == 1) {
                flush(c, pending, pairs);
                flush(c, new ArrayList<>(List.of(r)), 1);
                continue;
            }
            pending.add(r);
            if (pending.size() == pairs) {
                flush(c, pending, pairs);
            }
        }
        flush(c, pending, pairs);
    }

    private static void flush(Cursor c, List<Row> rows, int pairs) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        float pairWidth = WIDTH / pairs;
        float labelWidth = pairs == 1 ? 165 : 100;
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            float answerWidth = (i == rows.size() - 1 ? WIDTH - i * pairWidth : pairWidth) - labelWidth;
            cells.add(new Cell(rows.get(i).label(), labelWidth, false, SHADE));
            cells.add(new Cell(rows.get(i).written(), answerWidth, false, null));
        }
        c.row(cells);
        rows.clear();
    }

    static List<String> wrap(String text, float width, PDType1Font font, float size) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(candidate, font, size) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float widthOf(String s, PDType1Font font, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Cell(String text, float width, boolean bold, Color fill) {
    }

    private static final class Cursor {
        final PDDocument doc;
        PDPageContentStream cs;
        float y;

        Cursor(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - 50;
        }

        void need(float height) throws IOException {
            if (y - height < 40) {
                newPage();
            }
        }

        void text(String s, PDType1Font font, float size) throws IOException {
            need(size + 4);
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(Color.BLACK);
            cs.newLineAtOffset(LEFT, y - size);
            cs.showText(s);
            cs.endText();
            y -= size + 4;
        }

        void row(List<Cell> cells) throws IOException {
            List<List<String>> texts = new ArrayList<>();
            float height = 0;
            for (Cell c : cells) {
                List<String> lines = wrap(c.text(), c.width() - 8, c.bold() ? BOLD : FONT, SIZE);
                texts.add(lines);
                height = Math.max(height, lines.size() * LEADING + 7);
            }
            need(height);
            float x = LEFT;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c.fill() != null) {
                    cs.setNonStrokingColor(c.fill());
                    cs.addRect(x, y - height, c.width(), height);
                    cs.fill();
                }
                cs.setStrokingColor(Color.GRAY);
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, c.width(), height);
                cs.stroke();
                float baseline = y - 4 - SIZE;
                boolean dark = c.fill() != null && c.fill().getRed() < 100;
                for (String line : texts.get(i)) {
                    cs.beginText();
                    cs.setFont(c.bold() ? BOLD : FONT, SIZE);
                    cs.setNonStrokingColor(dark ? Color.WHITE : Color.BLACK);
                    cs.newLineAtOffset(x + 4, baseline);
                    cs.showText(line);
                    cs.endText();
                    baseline -= LEADING;
                }
                x += c.width();
            }
            y -= height;
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
