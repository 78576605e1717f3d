package uk.gov.redbridge.onepanel.extraction.internal.layout;

import java.util.List;

/** A table: rows of cells. PDF and scanned pages are read into tables too, one row per line of boxes. */
public record TableBlock(List<Row> rows, Origin origin) implements Block {

    public TableBlock {
        rows = List.copyOf(rows);
    }

    public record Row(List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cell.
     *
     * @param from         where the cell starts across the table: a grid column for word processors, a position in
     *                     points or pixels for PDF and scans; only compared with the cells of the same table
     * @param to           where it ends (exclusive), in the same unit
     * @param continuation the lower part of a cell merged over several rows (its text is in the first part)
     * @param fill         the background colour as {@code RRGGBB}, or null: label cells are often shaded
     * @param content      the paragraphs (and nested tables) in the cell
     */
    public record Cell(double from, double to, boolean continuation, String fill, List<Block> content,
            Origin origin) {

        public Cell {
            content = List.copyOf(content);
        }

        public String text() {
            return Block.join(content);
        }

        public boolean blank() {
            return text().isBlank();
        }
    }

    /** All the text, row by row, for recognising what a document is. */
    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            for (Cell c : r.cells()) {
                String t = c.text();
                if (!t.isBlank()) {
                    sb.append(sb.isEmpty() ? "" : "\n").append(t);
                }
            }
        }
        return sb.toString();
    }
}
