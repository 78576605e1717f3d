package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/**
 * Builds paragraphs and tables from the XHTML that Tika's parsers write (Word 97, OpenDocument, RTF, HTML bodies).
 * Row spans are kept as continuation cells so that columns stay aligned from one row to the next.
 */
final class XhtmlLayoutBuilder extends DefaultHandler {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre",
            "blockquote", "dt", "dd", "div", "caption", "address", "title");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "noscript", "template");

    private final long maxChars;
    private final List<Block> document = new ArrayList<>();
    private final Deque<List<Block>> containers = new ArrayDeque<>();
    private final Deque<TableState> tables = new ArrayDeque<>();
    private final StringBuilder paragraph = new StringBuilder();
    private boolean heading;
    private int skipping;
    private long chars;
    private int paragraphs;
    private int tableCount;

    XhtmlLayoutBuilder(long maxChars) {
        this.maxChars = maxChars;
        containers.push(document);
    }

    List<Block> blocks() {
        flush();
        return document;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipping++;
            return;
        }
        if (skipping > 0) {
            return;
        }
        if (PARAGRAPHS.contains(name)) {
            flush();
            heading = HEADINGS.contains(name);
        } else if (name.equals("br")) {
            paragraph.append('\n');
        } else if (name.equals("table")) {
            flush();
            tables.push(new TableState(++tableCount));
        } else if (name.equals("tr") && !tables.isEmpty()) {
            flush();
            tables.peek().startRow();
        } else if ((name.equals("td") || name.equals("th")) && !tables.isEmpty()) {
            flush();
            TableState t = tables.peek();
            if (t.row == null) {
                t.startRow();
            }
            t.startCell(number(atts, "colspan"), number(atts, "rowspan"));
            containers.push(t.cellContent);
        } else if (name.equals("input")) {
            // HTML check boxes in an email body
            String type = value(atts, "type");
            if ("checkbox".equalsIgnoreCase(type) || "radio".equalsIgnoreCase(type)) {
                paragraph.append(value(atts, "checked") != null ? DocxReader.CHECKED : DocxReader.UNCHECKED);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipping = Math.max(0, skipping - 1);
            return;
        }
        if (skipping > 0) {
            return;
        }
        if (PARAGRAPHS.contains(name)) {
            flush();
        } else if ((name.equals("td") || name.equals("th")) && !tables.isEmpty() && tables.peek().cellContent != null) {
            flush();
            containers.pop();
            tables.peek().endCell();
        } else if (name.equals("tr") && !tables.isEmpty()) {
            flush();
            tables.peek().endRow();
        } else if (name.equals("table") && !tables.isEmpty()) {
            flush();
            TableState t = tables.pop();
            t.endRow();
            containers.peek().add(new TableBlock(t.rows, Origin.at("table " + t.number)));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipping > 0) {
            return;
        }
        chars += length;
        if (chars > maxChars) {
            throw new SAXException(new ReadFailure(uk.gov.redbridge.onepanel.extraction.FailureReason.TOO_LARGE,
                    "the document holds more text than the configured limit"));
        }
        paragraph.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // layout white space between elements
    }

    private void flush() {
        String text = paragraph.toString().replace('\u00A0', ' ');
        paragraph.setLength(0);
        if (text.isBlank()) {
            heading = false;
            return;
        }
        paragraphs++;
        String where = tables.isEmpty() ? "paragraph " + paragraphs : tables.peek().where();
        containers.peek().add(new TextBlock(trimLines(text), heading, Origin.at(where)));
        heading = false;
    }

    private static String trimLines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line.strip());
        }
        return sb.toString().strip();
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n.toLowerCase(java.util.Locale.ROOT);
    }

    private static String value(Attributes atts, String name) {
        for (int i = 0; i < atts.getLength(); i++) {
            String n = atts.getLocalName(i) == null || atts.getLocalName(i).isEmpty() ? atts.getQName(i)
                    : atts.getLocalName(i);
            if (n.equalsIgnoreCase(name)) {
                return atts.getValue(i);
            }
        }
        return null;
    }

    private static int number(Attributes atts, String name) {
        String v = value(atts, name);
        try {
            return v == null ? 1 : Math.max(1, Math.min(100, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static final class TableState {
        final int number;
        final List<TableBlock.Row> rows = new ArrayList<>();
        /** column -> rows still covered by a cell above with a row span */
        final Map<Integer, Integer> covered = new HashMap<>();
        List<TableBlock.Cell> row;
        List<Block> cellContent;
        int column;
        int span;
        int rowSpan;

        TableState(int number) {
            this.number = number;
        }

        void startRow() {
            endRow();
            row = new ArrayList<>();
            column = 0;
        }

        void startCell(int colspan, int rowspan) {
            skipCovered();
            span = colspan;
            rowSpan = rowspan;
            cellContent = new ArrayList<>();
        }

        void endCell() {
            row.add(new TableBlock.Cell(column, column + span, false, null, cellContent, Origin.at(where())));
            if (rowSpan > 1) {
                for (int c = column; c < column + span; c++) {
                    covered.put(c, rowSpan); // counted down at the end of this row
                }
            }
            column += span;
            cellContent = null;
        }

        void endRow() {
            if (row == null) {
                return;
            }
            skipCovered();
            // columns still covered at the end of the row
            for (Map.Entry<Integer, Integer> e : new ArrayList<>(covered.entrySet())) {
                if (e.getKey() >= column) {
                    row.add(new TableBlock.Cell(e.getKey(), e.getKey() + 1, true, null, List.of(), Origin.at(where())));
                }
            }
            // one row fewer to cover
            covered.replaceAll((c, n) -> n - 1);
            covered.values().removeIf(n -> n <= 0);
            rows.add(new TableBlock.Row(row));
            row = null;
        }

        private void skipCovered() {
            while (covered.containsKey(column)) {
                row.add(new TableBlock.Cell(column, column + 1, true, null, List.of(), Origin.at(where())));
                column++;
            }
        }

        String where() {
            return "table " + number + ", row " + (rows.size() + 1) + ", cell " + (row == null ? 1 : row.size() + 1);
        }
    }
}
