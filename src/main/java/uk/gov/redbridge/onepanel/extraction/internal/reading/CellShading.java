package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.Colorref;
import org.apache.poi.hwpf.model.PAPX;
import org.apache.poi.hwpf.sprm.SprmIterator;
import org.apache.poi.hwpf.sprm.SprmOperation;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;

/**
 * The shading of table cells, which Tika's XHTML for Word 97 and OpenDocument files leaves out and a form's layout
 * relies on: a row of shaded label cells over a row of plain answer cells is told apart by it, as the .docx reader
 * tells it from {@code w:shd}. Read from the file itself, for every row of the document's outermost tables in order
 * (.doc: each row's table shading descriptors, sprmTDefTableShd; .odt: each cell's style, fo:background-color), and
 * laid onto the tables Tika gave only where the two agree: the same number of rows in all, and in a row the same
 * number of cells. Where they do not agree, or the file cannot be read for it, no cell is shaded, as before: shading
 * is evidence, never a reason to fail a document.
 */
final class CellShading {

    private static final CellShading NONE = new CellShading(List.of());
    /** content.xml larger than this is not read again for shading (Tika has read it, within the text limit) */
    private static final long MAX_CONTENT_XML = 64L * 1024 * 1024;
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    /** PAP sprm: this paragraph ends a row of an outermost table (sprmPFTtp) */
    private static final int PFTTP = 0x17;
    /** TAP sprm: a shading descriptor per cell of the row (sprmTDefTableShd), 10 bytes each */
    private static final int TDEFTABLESHD = 0x12;
    /** TAP sprm: the same in Word 97's two-byte form (sprmTDefTableShd80) */
    private static final int TDEFTABLESHD80 = 0x09;

    /** per row of the outermost tables, per cell, the fill as RRGGBB or null */
    private final List<List<String>> rows;

    private CellShading(List<List<String>> rows) {
        this.rows = rows;
    }

    int rowCount() {
        return rows.size();
    }

    /** The cells' fills of a Word 97 document; none when it cannot be read for them. */
    static CellShading ofDoc(byte[] content) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(content))) {
            List<List<String>> rows = new ArrayList<>();
            for (PAPX papx : doc.getParagraphTable().getParagraphs()) {
                List<String> row = docRow(papx.getGrpprl());
                if (row != null) {
                    rows.add(row);
                }
            }
            return new CellShading(rows);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The fills of a row that ends with this paragraph, or null when the paragraph ends no outermost row. */
    private static List<String> docRow(byte[] grpprl) {
        if (grpprl == null || grpprl.length < 2) {
            return null;
        }
        boolean rowEnd = false;
        List<String> shd = null;
        List<String> shd80 = null;
        SprmIterator it = new SprmIterator(grpprl, 2);
        while (it.hasNext()) {
            SprmOperation op = it.next();
            if (op.getType() == SprmOperation.TYPE_PAP && op.getOperation() == PFTTP && op.getOperand() != 0) {
                rowEnd = true;
            } else if (op.getType() == SprmOperation.TYPE_TAP && op.getOperation() == TDEFTABLESHD
                    && shd == null) {
                shd = shadingDescriptors(op.getGrpprl(), op.getGrpprlOffset(), op.size() - 3);
            } else if (op.getType() == SprmOperation.TYPE_TAP && op.getOperation() == TDEFTABLESHD80
                    && shd80 == null) {
                shd80 = shadingDescriptors80(op.getGrpprl(), op.getGrpprlOffset(), op.size() - 3);
            }
        }
        if (!rowEnd) {
            return null;
        }
        return shd != null ? shd : shd80 != null ? shd80 : List.of();
    }

    /** SHD: foreground colour, background colour (red, green, blue, 0xFF when automatic), pattern. */
    private static List<String> shadingDescriptors(byte[] b, int offset, int length) {
        List<String> out = new ArrayList<>();
        for (int i = offset; i + 10 <= offset + length && i + 10 <= b.length; i += 10) {
            boolean automatic = (b[i + 7] & 0xFF) == 0xFF;
            out.add(automatic ? null : fill(b[i + 4] & 0xFF, b[i + 5] & 0xFF, b[i + 6] & 0xFF));
        }
        return out;
    }

    /** SHD80: foreground and background as one of Word's 17 colours (bits 0-4, 5-9; 0 automatic), pattern. */
    private static List<String> shadingDescriptors80(byte[] b, int offset, int length) {
        List<String> out = new ArrayList<>();
        for (int i = offset; i + 2 <= offset + length && i + 2 <= b.length; i += 2) {
            int value = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            int back = (value >> 5) & 0x1F;
            if (back == 0) {
                out.add(null);
            } else {
                int rgb = Colorref.valueOfIco(back).getValue();
                out.add(fill(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF));
            }
        }
        return out;
    }

    private static String fill(int red, int green, int blue) {
        String hex = String.format(Locale.ROOT, "%02X%02X%02X", red, green, blue);
        return hex.equals("FFFFFF") ? null : hex;
    }

    /** The cells' fills of an OpenDocument text; none when it cannot be read for them. */
    static CellShading ofOdt(byte[] content) {
        try {
            byte[] xml = entry(content, "content.xml");
            if (xml == null) {
                return NONE;
            }
            OdtCells cells = new OdtCells();
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(cells);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
            return new CellShading(cells.rows);
        } catch (Exception e) {
            return NONE;
        }
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return bounded(in);
                }
            }
        }
        return null;
    }

    private static byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_CONTENT_XML) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Cell styles with a background, then the cells of the outermost tables' rows with their styles. */
    private static final class OdtCells extends DefaultHandler {
        final Map<String, String> backgrounds = new HashMap<>();
        final List<List<String>> rows = new ArrayList<>();
        String style;
        int tableDepth;
        List<String> row;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (STYLE_NS.equals(uri) && localName.equals("style")) {
                style = "table-cell".equals(atts.getValue(STYLE_NS, "family")) ? atts.getValue(STYLE_NS, "name")
                        : null;
            } else if (STYLE_NS.equals(uri) && localName.equals("table-cell-properties") && style != null) {
                String colour = atts.getValue(FO_NS, "background-color");
                if (colour != null && colour.matches("#[0-9a-fA-F]{6}")) {
                    String hex = colour.substring(1).toUpperCase(Locale.ROOT);
                    if (!hex.equals("FFFFFF")) {
                        backgrounds.put(style, hex);
                    }
                }
            } else if (TABLE_NS.equals(uri) && localName.equals("table")) {
                tableDepth++;
            } else if (TABLE_NS.equals(uri) && localName.equals("table-row") && tableDepth == 1) {
                row = new ArrayList<>();
            } else if (TABLE_NS.equals(uri) && localName.equals("table-cell") && tableDepth == 1 && row != null) {
                // covered cells (under a cell spanning columns) are not cells of Tika's output, and not counted
                String name = atts.getValue(TABLE_NS, "style-name");
                row.add(name == null ? null : backgrounds.get(name));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (STYLE_NS.equals(uri) && localName.equals("style")) {
                style = null;
            } else if (TABLE_NS.equals(uri) && localName.equals("table")) {
                tableDepth--;
            } else if (TABLE_NS.equals(uri) && localName.equals("table-row") && tableDepth == 1 && row != null) {
                rows.add(row);
                row = null;
            }
        }
    }

    /**
     * The blocks with their outermost tables' cells shaded as the file says, where the file's rows and Tika's agree
     * in number; a row whose number of cells differs keeps its cells unshaded.
     */
    List<Block> applyTo(List<Block> blocks) {
        int tableRows = 0;
        for (Block b : blocks) {
            if (b instanceof TableBlock t) {
                tableRows += t.rows().size();
            }
        }
        if (rows.isEmpty() || tableRows != rows.size()) {
            return blocks;
        }
        List<Block> out = new ArrayList<>(blocks.size());
        int next = 0;
        for (Block b : blocks) {
            if (!(b instanceof TableBlock t)) {
                out.add(b);
                continue;
            }
            List<TableBlock.Row> shadedRows = new ArrayList<>();
            for (TableBlock.Row r : t.rows()) {
                shadedRows.add(shaded(r, rows.get(next++)));
            }
            out.add(new TableBlock(shadedRows, t.origin()));
        }
        return out;
    }

    private static TableBlock.Row shaded(TableBlock.Row row, List<String> fills) {
        long cells = row.cells().stream().filter(c -> !c.continuation()).count();
        if (cells != fills.size() || fills.stream().allMatch(f -> f == null)) {
            return row;
        }
        List<TableBlock.Cell> out = new ArrayList<>();
        int i = 0;
        for (TableBlock.Cell c : row.cells()) {
            if (c.continuation()) {
                out.add(c);
            } else {
                out.add(new TableBlock.Cell(c.from(), c.to(), false, fills.get(i++), c.content(), c.origin()));
            }
        }
        return new TableBlock.Row(out);
    }
}
