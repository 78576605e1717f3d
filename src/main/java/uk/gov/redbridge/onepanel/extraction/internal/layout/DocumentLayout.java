package uk.gov.redbridge.onepanel.extraction.internal.layout;

import java.util.List;

/**
 * A document as its reader saw it: paragraphs and tables in reading order, whatever the format. This is what the
 * parsing worker returns; locating the form's fields works on it alone.
 *
 * @param format  a short name of the format read, e.g. {@code "docx"}, {@code "pdf"}, {@code "scan"}
 * @param pages   the number of pages, when the format has pages; 0 otherwise
 * @param ocr     whether some of the text was read by OCR
 */
public record DocumentLayout(String format, int pages, boolean ocr, List<Block> blocks) {

    public DocumentLayout {
        blocks = List.copyOf(blocks);
    }

    /** All the text in reading order, one paragraph or cell a line. */
    public String text() {
        return Block.join(blocks);
    }
}
