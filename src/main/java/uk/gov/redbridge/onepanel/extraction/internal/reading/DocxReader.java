package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Node;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/**
 * Reads a Word (.docx) document into paragraphs and tables. Walks the WordprocessingML itself rather than POI's
 * text extractor, because the form's answers hide in places a plain extractor flattens or drops: merged cells
 * ({@code w:gridSpan}, {@code w:vMerge}), content controls ({@code w:sdt}, whose placeholder prompt is not an
 * answer), legacy form fields ({@code FORMTEXT}, {@code FORMCHECKBOX}, {@code FORMDROPDOWN}), Word 2010 check boxes
 * ({@code w14:checkbox}) and Wingdings check-box symbols. Every check box becomes ☒ or ☐.
 */
final class DocxReader {

    static final String CHECKED = "☒";
    static final String UNCHECKED = "☐";

    private final ReadingLimits limits;

    DocxReader(ReadingLimits limits) {
        this.limits = limits;
    }

    DocumentLayout read(byte[] content) throws ReadFailure {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content));
                XWPFDocument document = new XWPFDocument(pkg)) {
            Node body = document.getDocument().getBody().getDomNode();
            Walker walker = new Walker(limits.maxTextChars());
            walker.blocks(body, walker.top);
            return new DocumentLayout("docx", 0, false, walker.top);
        } catch (TooMuchText e) {
            throw new ReadFailure(FailureReason.TOO_LARGE, "the Word document holds more text than the configured limit");
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new ReadFailure(FailureReason.CORRUPT, "the Word document is in an older format than its name says");
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ReadFailure(FailureReason.CORRUPT, "the Word document is damaged (its package cannot be opened)");
        } catch (IOException | RuntimeException e) {
            throw Failures.classify(e, "Word document");
        }
    }

    /** Thrown out of the walk when the text limit is passed. */
    static final class TooMuchText extends RuntimeException {
        TooMuchText() {
            super(null, null, false, false);
        }
    }

    private static final class Walker {
        final List<Block> top = new ArrayList<>();
        final long maxChars;
        long chars;
        int paragraphs;
        int tables;

        Walker(long maxChars) {
            this.maxChars = maxChars;
        }

        /** Block-level content: paragraphs, tables, and the wrappers that can hold them. */
        void blocks(Node parent, List<Block> out) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                switch (n.getLocalName()) {
                    case "p" -> paragraph(n, out);
                    case "tbl" -> table(n, out);
                    case "sdt" -> {
                        Node sdtContent = child(n, "sdtContent");
                        if (sdtContent != null) {
                            blocks(sdtContent, out);
                        }
                    }
                    case "customXml", "ins", "moveTo", "smartTag" -> blocks(n, out);
                    case "AlternateContent" -> {
                        Node choice = child(n, "Choice");
                        blocks(choice != null ? choice : n, out);
                    }
                    default -> {
                        // sectPr, bookmarks, proofing marks: no text
                    }
                }
            }
        }

        void paragraph(Node p, List<Block> out) {
            paragraphs++;
            StringBuilder text = new StringBuilder();
            List<Block> textBoxes = new ArrayList<>();
            inline(p, text, new FieldState(), textBoxes);
            count(text.length());
            out.add(new TextBlock(text.toString(), isHeading(p), Origin.at("paragraph " + paragraphs)));
            out.addAll(textBoxes);
        }

        void table(Node tbl, List<Block> out) {
            int tableNumber = ++tables;
            List<TableBlock.Row> rows = new ArrayList<>();
            for (Node tr : rowsOf(tbl)) {
                int column = 0;
                Node trPr = child(tr, "trPr");
                Node gridBefore = trPr == null ? null : child(trPr, "gridBefore");
                if (gridBefore != null) {
                    column += intAttr(gridBefore, "val", 0);
                }
                List<TableBlock.Cell> cells = new ArrayList<>();
                int cellNumber = 0;
                for (Node tc : cellsOf(tr)) {
                    cellNumber++;
                    Node tcPr = child(tc, "tcPr");
                    int span = 1;
                    boolean continuation = false;
                    String fill = null;
                    if (tcPr != null) {
                        Node gridSpan = child(tcPr, "gridSpan");
                        span = Math.max(1, gridSpan == null ? 1 : intAttr(gridSpan, "val", 1));
                        Node vMerge = child(tcPr, "vMerge");
                        // <w:vMerge/> without a value continues the cell above; "restart" begins a merged cell
                        continuation = vMerge != null && !"restart".equals(attr(vMerge, "val"));
                        Node shd = child(tcPr, "shd");
                        fill = shd == null ? null : colour(attr(shd, "fill"));
                    }
                    List<Block> content = new ArrayList<>();
                    blocks(tc, content);
                    cells.add(new TableBlock.Cell(column, column + span, continuation, fill, content,
                            Origin.at("table " + tableNumber + ", row " + (rows.size() + 1) + ", cell " + cellNumber)));
                    column += span;
                }
                rows.add(new TableBlock.Row(cells));
            }
            out.add(new TableBlock(rows, Origin.at("table " + tableNumber)));
        }

        private List<Node> rowsOf(Node tbl) {
            List<Node> rows = new ArrayList<>();
            collect(tbl, "tr", rows);
            return rows;
        }

        private List<Node> cellsOf(Node tr) {
            List<Node> cells = new ArrayList<>();
            collect(tr, "tc", cells);
            return cells;
        }

        /** Direct children named {@code name}, looking through content-control and custom-XML wrappers. */
        private void collect(Node parent, String name, List<Node> out) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                String local = n.getLocalName();
                if (local.equals(name)) {
                    out.add(n);
                } else if (local.equals("sdt")) {
                    Node content = child(n, "sdtContent");
                    if (content != null) {
                        collect(content, name, out);
                    }
                } else if (local.equals("customXml")) {
                    collect(n, name, out);
                }
            }
        }

        /** Run-level content of a paragraph. */
        void inline(Node parent, StringBuilder text, FieldState field, List<Block> textBoxes) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                switch (n.getLocalName()) {
                    case "r" -> run(n, text, field, textBoxes);
                    case "sdt" -> contentControl(n, text, field, textBoxes);
                    case "hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "bdo", "dir" ->
                            inline(n, text, field, textBoxes);
                    case "AlternateContent" -> {
                        Node choice = child(n, "Choice");
                        inline(choice != null ? choice : n, text, field, textBoxes);
                    }
                    default -> {
                        // w:del, w:moveFrom (deleted text), bookmarks, comments: not part of the answer
                    }
                }
            }
        }

        private void contentControl(Node sdt, StringBuilder text, FieldState field, List<Block> textBoxes) {
            Node sdtPr = child(sdt, "sdtPr");
            if (sdtPr != null) {
                Node checkbox = child(sdtPr, "checkbox");
                if (checkbox != null) {
                    Node checked = child(checkbox, "checked");
                    String v = checked == null ? "0" : attr(checked, "val");
                    text.append(isTrue(v) ? CHECKED : UNCHECKED);
                    return;
                }
                if (child(sdtPr, "showingPlcHdr") != null) {
                    // the control still shows its prompt ("Click or tap here to enter text."): no answer
                    return;
                }
            }
            Node content = child(sdt, "sdtContent");
            if (content != null) {
                inline(content, text, field, textBoxes);
            }
        }

        private void run(Node r, StringBuilder text, FieldState field, List<Block> textBoxes) {
            Node rPr = child(r, "rPr");
            boolean hidden = rPr != null && (child(rPr, "vanish") != null && isTrue(attr(child(rPr, "vanish"), "val")));
            for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                switch (n.getLocalName()) {
                    case "t" -> {
                        if (!field.inInstruction && !hidden) {
                            text.append(textOf(n));
                        }
                    }
                    case "tab", "ptab" -> {
                        if (!field.inInstruction) {
                            text.append('\t');
                        }
                    }
                    case "br", "cr" -> {
                        if (!field.inInstruction) {
                            text.append('\n');
                        }
                    }
                    case "noBreakHyphen" -> text.append('-');
                    case "sym" -> text.append(symbol(attr(n, "font"), attr(n, "char")));
                    case "fldChar" -> fieldCharacter(n, text, field);
                    case "instrText" -> field.instruction.append(textOf(n));
                    case "drawing", "pict", "AlternateContent", "object" -> textBoxes(n, textBoxes);
                    default -> {
                        // w:delText, w:lastRenderedPageBreak, w:footnoteReference...
                    }
                }
            }
        }

        private void fieldCharacter(Node fldChar, StringBuilder text, FieldState field) {
            String type = attr(fldChar, "fldCharType");
            if ("begin".equals(type)) {
                field.inInstruction = true;
                field.instruction.setLength(0);
                Node ffData = child(fldChar, "ffData");
                if (ffData != null) {
                    Node checkBox = child(ffData, "checkBox");
                    if (checkBox != null) {
                        // FORMCHECKBOX: w:checked overrides w:default
                        Node checked = child(checkBox, "checked");
                        Node dflt = child(checkBox, "default");
                        boolean on = checked != null ? !"0".equals(attr(checked, "val"))
                                && !"false".equals(attr(checked, "val"))
                                : dflt != null && isTrue(attr(dflt, "val"));
                        text.append(on ? CHECKED : UNCHECKED);
                    }
                    Node ddList = child(ffData, "ddList");
                    if (ddList != null) {
                        // FORMDROPDOWN: the result index picks the shown entry (Word writes no result text)
                        Node result = child(ddList, "result");
                        int index = result == null ? 0 : intAttr(result, "val", 0);
                        int i = 0;
                        for (Node e = ddList.getFirstChild(); e != null; e = e.getNextSibling()) {
                            if (e.getNodeType() == Node.ELEMENT_NODE && e.getLocalName().equals("listEntry")) {
                                if (i++ == index) {
                                    text.append(attr(e, "val"));
                                }
                            }
                        }
                    }
                }
            } else if ("separate".equals(type)) {
                field.inInstruction = false;
            } else if ("end".equals(type)) {
                field.inInstruction = false;
            }
        }

        /** Text boxes drawn in a paragraph: their paragraphs follow it. */
        private void textBoxes(Node n, List<Block> out) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                return;
            }
            if (n.getLocalName().equals("txbxContent")) {
                blocks(n, out);
                return;
            }
            if (n.getLocalName().equals("Fallback")) {
                // the same text box again for older readers
                return;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                textBoxes(c, out);
            }
        }

        private void count(int n) {
            chars += n;
            if (chars > maxChars) {
                throw new TooMuchText();
            }
        }

        private static boolean isHeading(Node p) {
            Node pPr = child(p, "pPr");
            if (pPr == null) {
                return false;
            }
            Node style = child(pPr, "pStyle");
            String s = style == null ? null : attr(style, "val");
            return child(pPr, "outlineLvl") != null
                    || (s != null && (s.toLowerCase(Locale.ROOT).startsWith("heading") || s.equalsIgnoreCase("Title")));
        }
    }

    private static final class FieldState {
        boolean inInstruction;
        final StringBuilder instruction = new StringBuilder();
    }

    /** Wingdings and similar symbol fonts draw check boxes from private-use code points. */
    static String symbol(String font, String hex) {
        if (hex == null) {
            return "";
        }
        int code;
        try {
            code = Integer.parseInt(hex, 16) & 0xFF;
        } catch (NumberFormatException e) {
            return "";
        }
        String f = font == null ? "" : font.toLowerCase(Locale.ROOT);
        if (f.startsWith("wingdings 2")) {
            return switch (code) {
                case 0xA3, 0x2A -> UNCHECKED;
                case 0x53, 0x54, 0x51, 0x52, 0x50, 0xCF -> CHECKED;
                default -> "";
            };
        }
        if (f.startsWith("wingdings")) {
            return switch (code) {
                case 0xA8, 0x6F, 0x71, 0x70 -> UNCHECKED;
                case 0xFE, 0xFD, 0xFB, 0xFC, 0x78 -> CHECKED;
                default -> "";
            };
        }
        if (f.contains("ms gothic") || f.contains("segoe ui symbol")) {
            return new String(Character.toChars(Integer.parseInt(hex, 16)));
        }
        return "";
    }

    /** The text of an element (XMLBeans' DOM has no getTextContent). */
    static String textOf(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            }
        }
        return sb.toString();
    }

    static Node child(Node parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && localName.equals(n.getLocalName())) {
                return n;
            }
        }
        return null;
    }

    static String attr(Node n, String localName) {
        if (n == null || n.getAttributes() == null) {
            return null;
        }
        for (int i = 0; i < n.getAttributes().getLength(); i++) {
            Node a = n.getAttributes().item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (localName.equals(name)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    private static int intAttr(Node n, String name, int fallback) {
        try {
            String v = attr(n, name);
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean isTrue(String v) {
        return v == null || v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on");
    }

    private static String colour(String fill) {
        if (fill == null || fill.equalsIgnoreCase("auto") || fill.equalsIgnoreCase("FFFFFF")) {
            return null;
        }
        return fill.toUpperCase(Locale.ROOT);
    }
}
