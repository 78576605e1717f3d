package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Segment;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Word;

/**
 * Rebuilds a page's table cells and paragraphs from positioned words, ruling lines and boxes, so that a PDF or a
 * scan reads like a Word table: each word goes to the smallest box that holds it (a drawn box, a form field, or the
 * cell its surrounding ruling lines make); words outside any box are split into chunks at wide gaps. Boxes whose
 * tops line up make a row; a row of one free chunk is a paragraph.
 */
final class PageAssembler {

    private final int page;
    /** points per coordinate unit: 1 for PDF, 72/dpi for a scan */
    private final double unit;
    private final List<Word> words;
    private final List<Segment> horizontals = new ArrayList<>();
    private final List<Segment> verticals = new ArrayList<>();
    private final List<Box> boxes;

    PageAssembler(int page, double unit, List<Word> words, List<Segment> segments, List<Box> boxes) {
        this.page = page;
        this.unit = unit;
        this.words = words;
        for (Segment s : segments) {
            if (s.length() < pt(4)) {
                continue;
            }
            (s.horizontal() ? horizontals : verticals).add(s);
        }
        snap(horizontals, true);
        snap(verticals, false);
        this.boxes = boxes;
    }

    /**
     * Lines that are one border drawn in pieces (or found in pieces on a scan) get one position, so that every word
     * of a cell finds the same borders.
     */
    private void snap(List<Segment> segments, boolean horizontal) {
        segments.sort(Comparator.comparingDouble(s -> horizontal ? s.y0() + s.y1() : s.x0() + s.x1()));
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= segments.size(); i++) {
            boolean split = i == segments.size()
                    || position(segments.get(i), horizontal) - position(segments.get(i - 1), horizontal) > pt(1.2);
            if (split) {
                double mean = 0;
                List<double[]> spans = new ArrayList<>();
                for (int j = start; j < i; j++) {
                    Segment s = segments.get(j);
                    mean += position(s, horizontal);
                    spans.add(horizontal ? new double[] {Math.min(s.x0(), s.x1()), Math.max(s.x0(), s.x1())}
                            : new double[] {Math.min(s.y0(), s.y1()), Math.max(s.y0(), s.y1())});
                }
                mean /= i - start;
                // pieces of one border with small breaks in between become one line
                spans.sort(Comparator.comparingDouble(a -> a[0]));
                double[] current = null;
                for (double[] span : spans) {
                    if (current != null && span[0] - current[1] <= pt(24)) {
                        current[1] = Math.max(current[1], span[1]);
                    } else {
                        if (current != null) {
                            out.add(segment(mean, current, horizontal));
                        }
                        current = span.clone();
                    }
                }
                if (current != null) {
                    out.add(segment(mean, current, horizontal));
                }
                start = i;
            }
        }
        segments.clear();
        segments.addAll(out);
    }

    private static Segment segment(double position, double[] span, boolean horizontal) {
        return horizontal ? new Segment(span[0], position, span[1], position)
                : new Segment(position, span[0], position, span[1]);
    }

    private static double position(Segment s, boolean horizontal) {
        return horizontal ? (s.y0() + s.y1()) / 2 : (s.x0() + s.x1()) / 2;
    }

    private double pt(double points) {
        return points / unit;
    }

    /** A table cell or a free chunk of text, before rows are formed. */
    private static final class Item {
        double x0;
        double y0;
        double x1;
        double y1;
        String fill;
        String location;
        final List<Word> words = new ArrayList<>();
        String value;
        boolean free;
        int line = -1;
    }

    List<Block> assemble() {
        Map<String, Item> cells = new LinkedHashMap<>();
        List<Word> free = new ArrayList<>();
        for (Box b : boxes) {
            if (b.widget()) {
                Item it = item(b.x0(), b.y0(), b.x1(), b.y1(), b.fill(), b.location());
                it.value = b.value();
                cells.put(key(it), it);
            }
        }
        for (Word w : words) {
            Item cell = cellFor(w);
            if (cell == null) {
                free.add(w);
                continue;
            }
            Item existing = cells.computeIfAbsent(key(cell), k -> cell);
            if (existing.value == null || existing.value.isEmpty()) {
                existing.words.add(w);
            }
            // printed text under a filled-in form field: the field's value is the answer
        }
        List<Item> items = new ArrayList<>(cells.values());
        items.removeIf(i -> !i.free && i.location == null && i.words.isEmpty());
        int lineNumber = 0;
        for (List<Word> line : lines(free)) {
            lineNumber++;
            for (List<Word> chunk : chunks(line)) {
                Item it = new Item();
                it.free = true;
                it.line = lineNumber;
                it.words.addAll(chunk);
                it.x0 = chunk.stream().mapToDouble(Word::x0).min().orElse(0);
                it.x1 = chunk.stream().mapToDouble(Word::x1).max().orElse(0);
                it.y0 = chunk.stream().mapToDouble(Word::y0).min().orElse(0);
                it.y1 = chunk.stream().mapToDouble(Word::y1).max().orElse(0);
                items.add(it);
            }
        }
        return rows(items);
    }

    private Item item(double x0, double y0, double x1, double y1, String fill, String location) {
        Item it = new Item();
        it.x0 = x0;
        it.y0 = y0;
        it.x1 = x1;
        it.y1 = y1;
        it.fill = fill;
        it.location = location;
        return it;
    }

    private static String key(Item it) {
        return Math.round(it.x0 * 2) + ":" + Math.round(it.y0 * 2) + ":" + Math.round(it.x1 * 2) + ":"
                + Math.round(it.y1 * 2);
    }

    /** The smallest box around a word: a drawn box, a form field, or the cell its ruling lines make. */
    private Item cellFor(Word w) {
        double cx = w.cx();
        double cy = w.cy();
        Box best = null;
        for (Box b : boxes) {
            if (b.contains(cx, cy, pt(0.5)) && (best == null || b.area() < best.area())) {
                best = b;
            }
        }
        double[] derived = derivedCell(cx, cy);
        if (derived != null) {
            double area = (derived[2] - derived[0]) * (derived[3] - derived[1]);
            if (best == null || area < best.area() - pt(2) * pt(2)) {
                return item(derived[0], derived[1], derived[2], derived[3], null, null);
            }
        }
        if (best == null) {
            return null;
        }
        return item(best.x0(), best.y0(), best.x1(), best.y1(), best.fill(), best.location());
    }

    private double[] derivedCell(double cx, double cy) {
        double[] across = nearest(verticals, cx, cy, false);
        if (across == null) {
            return null;
        }
        double[] down = nearest(horizontals, cy, cx, true);
        if (down == null) {
            return null;
        }
        if (across[1] - across[0] < pt(6) || down[1] - down[0] < pt(6)) {
            return null;
        }
        return new double[] {across[0], down[0], across[1], down[1]};
    }

    /**
     * The nearest lines on either side of {@code at} that reach past {@code along} (for vertical lines: the nearest
     * left and right of x that span y), or null when a side has none.
     */
    private double[] nearest(List<Segment> lines, double at, double along, boolean horizontal) {
        double tol = pt(1.5);
        double before = Double.NEGATIVE_INFINITY;
        double after = Double.POSITIVE_INFINITY;
        for (Segment s : lines) {
            double position = horizontal ? (s.y0() + s.y1()) / 2 : (s.x0() + s.x1()) / 2;
            double from = horizontal ? Math.min(s.x0(), s.x1()) : Math.min(s.y0(), s.y1());
            double to = horizontal ? Math.max(s.x0(), s.x1()) : Math.max(s.y0(), s.y1());
            if (from - tol <= along && along <= to + tol) {
                if (position <= at && position > before) {
                    before = position;
                } else if (position >= at && position < after) {
                    after = position;
                }
            }
        }
        return before == Double.NEGATIVE_INFINITY || after == Double.POSITIVE_INFINITY ? null
                : new double[] {before, after};
    }

    // ------------------------------------------------------------------------------------------------ lines, chunks

    /** Words grouped into lines, top to bottom, each left to right. */
    static List<List<Word>> lines(List<Word> ws) {
        List<Word> sorted = new ArrayList<>(ws);
        sorted.sort(Comparator.comparingDouble(Word::cy));
        List<List<Word>> lines = new ArrayList<>();
        List<double[]> bands = new ArrayList<>();
        for (Word w : sorted) {
            int found = -1;
            // the line it shares most of its height with
            double bestOverlap = 0;
            for (int i = Math.max(0, lines.size() - 3); i < lines.size(); i++) {
                double[] band = bands.get(i);
                double overlap = Math.min(band[1], w.y1()) - Math.max(band[0], w.y0());
                double h = Math.min(band[1] - band[0], w.y1() - w.y0());
                if (h > 0 && overlap / h > 0.45 && overlap > bestOverlap) {
                    found = i;
                    bestOverlap = overlap;
                }
            }
            if (found < 0) {
                lines.add(new ArrayList<>(List.of(w)));
                bands.add(new double[] {w.y0(), w.y1()});
            } else {
                lines.get(found).add(w);
                double[] band = bands.get(found);
                // keep the band of the line's main text, not of a tall glyph
                band[0] = (band[0] * (lines.get(found).size() - 1) + w.y0()) / lines.get(found).size();
                band[1] = (band[1] * (lines.get(found).size() - 1) + w.y1()) / lines.get(found).size();
            }
        }
        for (List<Word> line : lines) {
            line.sort(Comparator.comparingDouble(Word::x0));
        }
        lines.sort(Comparator.comparingDouble(l -> l.stream().mapToDouble(Word::cy).average().orElse(0)));
        return lines;
    }

    /** A line split where the gap between words is far wider than a space, or a ruling line runs between. */
    private List<List<Word>> chunks(List<Word> line) {
        List<List<Word>> out = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word w : line) {
            if (!current.isEmpty()) {
                Word prev = current.get(current.size() - 1);
                double gap = w.x0() - prev.x1();
                double size = Math.max(prev.size(), w.size());
                // tick boxes with their labels stay together however widely they are spaced ("☐ Yes    ☒ No")
                boolean ticks = isTick(w.text()) && current.stream().anyMatch(x -> isTick(x.text()));
                if ((gap > size * 1.4 && !ticks) || ruledBetween(prev, w)) {
                    out.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static boolean isTick(String text) {
        return text.startsWith("\u2610") || text.startsWith("\u2612") || text.startsWith("\u2611");
    }

    private boolean ruledBetween(Word a, Word b) {
        double cy = (a.cy() + b.cy()) / 2;
        for (Segment v : verticals) {
            double x = (v.x0() + v.x1()) / 2;
            if (x > a.x1() - pt(0.5) && x < b.x0() + pt(0.5)
                    && Math.min(v.y0(), v.y1()) <= cy && cy <= Math.max(v.y0(), v.y1())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ rows

    private List<Block> rows(List<Item> items) {
        items.sort(Comparator.comparingDouble((Item i) -> i.y0).thenComparingDouble(i -> i.x0));
        List<List<Item>> rows = new ArrayList<>();
        List<Item> free = new ArrayList<>();
        for (Item it : items) {
            if (it.free) {
                free.add(it);
                continue;
            }
            List<Item> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && Math.abs(it.y0 - row.get(0).y0) <= pt(3)) {
                row.add(it);
            } else {
                rows.add(new ArrayList<>(List.of(it)));
            }
        }
        // text beside a row of boxes, within its height ("☒ Yes ☐ No" next to a label box), answers in that row
        List<Item> stillFree = new ArrayList<>();
        double[][] bands = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            bands[r] = new double[] {rows.get(r).stream().mapToDouble(i -> i.y0).min().orElse(0),
                rows.get(r).stream().mapToDouble(i -> i.y1).max().orElse(0)};
        }
        for (Item it : free) {
            double cy = (it.y0 + it.y1) / 2;
            List<Item> beside = null;
            for (int r = 0; r < rows.size() && beside == null; r++) {
                if (cy <= bands[r][0] || cy >= bands[r][1]) {
                    continue;
                }
                List<Item> row = rows.get(r);
                boolean overlaps = row.stream().anyMatch(i -> !i.free && i.x0 < it.x1 && it.x0 < i.x1);
                if (!overlaps) {
                    beside = row;
                }
            }
            if (beside != null) {
                // the lines of one answer beside a label box make one cell
                Item same = beside.stream().filter(i -> i.free && i.x0 < it.x1 && it.x0 < i.x1).findFirst()
                        .orElse(null);
                if (same != null) {
                    same.words.addAll(it.words);
                    same.x0 = Math.min(same.x0, it.x0);
                    same.x1 = Math.max(same.x1, it.x1);
                    same.y0 = Math.min(same.y0, it.y0);
                    same.y1 = Math.max(same.y1, it.y1);
                } else {
                    beside.add(it);
                }
            } else {
                stillFree.add(it);
            }
        }
        for (Item it : stillFree) {
            List<Item> row = null;
            for (List<Item> r : rows) {
                if (r.get(0).free && r.get(0).line == it.line) {
                    row = r;
                    break;
                }
            }
            if (row != null) {
                row.add(it);
            } else {
                rows.add(new ArrayList<>(List.of(it)));
            }
        }
        rows.sort(Comparator.comparingDouble(r -> r.stream().mapToDouble(i -> i.y0).min().orElse(0)));
        List<Block> blocks = new ArrayList<>();
        List<TableBlock.Row> tableRows = new ArrayList<>();
        int rowNumber = 0;
        int freeLine = 0;
        Item previousFree = null;
        for (List<Item> row : rows) {
            row.sort(Comparator.comparingDouble(i -> i.x0));
            if (row.size() == 1 && row.get(0).free) {
                if (!tableRows.isEmpty()) {
                    blocks.add(new TableBlock(tableRows, Origin.onPage(page, "page " + page)));
                    tableRows = new ArrayList<>();
                }
                freeLine++;
                Item it = row.get(0);
                Origin origin = new Origin(page, "page " + page + ", line " + freeLine, quality(it.words));
                String text = String.join("\n", paragraphs(it.words, it.x1));
                double size = it.words.stream().mapToDouble(Word::size).average().orElse(pt(10));
                boolean continues = previousFree != null && !blocks.isEmpty()
                        && blocks.get(blocks.size() - 1) instanceof TextBlock last
                        && Math.abs(previousFree.x0 - it.x0) <= pt(3) && it.y0 - previousFree.y1 < size;
                if (continues) {
                    // the next line of the same paragraph: kept as a line break, so that a label wrapped over two
                    // lines can be read whole
                    TextBlock last = (TextBlock) blocks.remove(blocks.size() - 1);
                    blocks.add(new TextBlock(last.text() + "\n" + text, false, last.origin()));
                } else {
                    blocks.add(new TextBlock(text, false, origin));
                }
                previousFree = it;
                continue;
            }
            previousFree = null;
            rowNumber++;
            List<Item> withEmpty = withEmptyCells(row);
            List<TableBlock.Cell> cells = new ArrayList<>();
            int cellNumber = 0;
            for (Item it : withEmpty) {
                cellNumber++;
                String where = it.location != null ? it.location + ", page " + page
                        : "page " + page + ", row " + rowNumber + ", cell " + cellNumber;
                Origin origin = new Origin(page, where, quality(it.words));
                List<Block> content = new ArrayList<>();
                if (it.value != null && !it.value.isBlank()) {
                    for (String p : it.value.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
                        content.add(new TextBlock(p.strip(), false, origin));
                    }
                } else {
                    for (String p : paragraphs(it.words, it.x1 - pt(2))) {
                        content.add(new TextBlock(p, false, origin));
                    }
                }
                cells.add(new TableBlock.Cell(it.x0 * unit, it.x1 * unit, false, it.fill, content, origin));
            }
            tableRows.add(new TableBlock.Row(cells));
        }
        if (!tableRows.isEmpty()) {
            blocks.add(new TableBlock(tableRows, Origin.onPage(page, "page " + page)));
        }
        return blocks;
    }

    /** Cells with no text still exist between ruling lines: an empty answer box, not a missing one. */
    private List<Item> withEmptyCells(List<Item> row) {
        if (row.stream().anyMatch(i -> i.free)) {
            return row;
        }
        double top = row.stream().mapToDouble(i -> i.y0).min().orElse(0);
        double bottom = row.stream().mapToDouble(i -> i.y1).min().orElse(0);
        double cy = (top + bottom) / 2;
        List<Double> xs = new ArrayList<>();
        for (Segment v : verticals) {
            if (Math.min(v.y0(), v.y1()) <= cy && cy <= Math.max(v.y0(), v.y1())) {
                xs.add((v.x0() + v.x1()) / 2);
            }
        }
        xs.sort(Double::compare);
        List<Item> out = new ArrayList<>(row);
        for (int i = 0; i + 1 < xs.size(); i++) {
            double a = xs.get(i);
            double b = xs.get(i + 1);
            if (b - a < pt(10)) {
                continue;
            }
            double mid = (a + b) / 2;
            boolean covered = row.stream().anyMatch(it -> it.x0 - pt(1) <= mid && mid <= it.x1 + pt(1));
            if (!covered) {
                out.add(item(a, top, b, bottom, null, null));
            }
        }
        out.sort(Comparator.comparingDouble(i -> i.x0));
        return out;
    }

    /** A cell's words as paragraphs: wrapped lines joined, a new paragraph after a gap or a short closing line. */
    private List<String> paragraphs(List<Word> ws, double right) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        List<Word> previous = null;
        for (List<Word> line : lines(ws)) {
            String text = join(line);
            if (current == null) {
                current = new StringBuilder(text);
            } else {
                double height = previous.stream().mapToDouble(w -> w.y1() - w.y0()).average().orElse(1);
                double gap = line.get(0).y0() - previous.stream().mapToDouble(Word::y1).max().orElse(0);
                double previousRight = previous.get(previous.size() - 1).x1();
                double firstWord = line.get(0).x1() - line.get(0).x0();
                String prev = current.toString();
                boolean closing = prev.matches("(?s).*[.!?:]$") && previousRight + firstWord + height * 1.5 < right;
                if (gap > height * 0.9 || closing) {
                    out.add(current.toString());
                    current = new StringBuilder(text);
                } else if (prev.matches("(?s).*\\p{L}-$") && text.matches("^\\p{Ll}.*")) {
                    current.append(text);
                } else {
                    current.append(' ').append(text);
                }
            }
            previous = line;
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static String join(List<Word> line) {
        StringBuilder sb = new StringBuilder();
        for (Word w : line) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.text());
        }
        return sb.toString();
    }

    private static double quality(List<Word> ws) {
        return ws.isEmpty() ? 1.0 : ws.stream().mapToDouble(Word::quality).average().orElse(1.0);
    }

    // ------------------------------------------------------------------------------------------------ pages

    /**
     * A table row cut by a page break continues at the top of the next page: its label ends there ("Relationship
     * to" / "subject") or its cells are empty but for a continued answer. Joins the two parts into one row.
     */
    static void joinAcrossPages(List<Block> blocks, int firstOfNextPage) {
        if (firstOfNextPage <= 0 || firstOfNextPage >= blocks.size()) {
            return;
        }
        if (!(blocks.get(firstOfNextPage - 1) instanceof TableBlock before)
                || !(blocks.get(firstOfNextPage) instanceof TableBlock after)
                || before.rows().isEmpty() || after.rows().isEmpty()) {
            return;
        }
        TableBlock.Row last = before.rows().get(before.rows().size() - 1);
        TableBlock.Row first = after.rows().get(0);
        List<TableBlock.Cell> firstCells = first.cells();
        if (firstCells.isEmpty()) {
            return;
        }
        String lead = firstCells.get(0).text().strip();
        boolean continues = lead.isEmpty() || Character.isLowerCase(lead.codePointAt(0));
        if (!continues) {
            return;
        }
        List<TableBlock.Cell> merged = new ArrayList<>(last.cells());
        for (TableBlock.Cell c : firstCells) {
            int match = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (Math.abs(merged.get(i).from() - c.from()) < 3 && Math.abs(merged.get(i).to() - c.to()) < 3) {
                    match = i;
                }
            }
            if (match < 0) {
                return;
            }
            merged.set(match, joinCells(merged.get(match), c));
        }
        List<TableBlock.Row> beforeRows = new ArrayList<>(before.rows());
        beforeRows.set(beforeRows.size() - 1, new TableBlock.Row(merged));
        blocks.set(firstOfNextPage - 1, new TableBlock(beforeRows, before.origin()));
        List<TableBlock.Row> afterRows = new ArrayList<>(after.rows().subList(1, after.rows().size()));
        if (afterRows.isEmpty()) {
            blocks.remove(firstOfNextPage);
        } else {
            blocks.set(firstOfNextPage, new TableBlock(afterRows, after.origin()));
        }
    }

    private static TableBlock.Cell joinCells(TableBlock.Cell a, TableBlock.Cell b) {
        List<Block> content = new ArrayList<>(a.content());
        List<Block> more = b.content();
        if (!content.isEmpty() && !more.isEmpty() && content.get(content.size() - 1) instanceof TextBlock x
                && more.get(0) instanceof TextBlock y && !y.text().isBlank()) {
            String joined = x.text().strip();
            String next = y.text().strip();
            String sep = joined.matches("(?s).*\\p{L}-$") && next.matches("^\\p{Ll}.*") ? "" : " ";
            content.set(content.size() - 1, new TextBlock((joined + sep + next).strip(), false, x.origin()));
            content.addAll(more.subList(1, more.size()));
        } else {
            content.addAll(more);
        }
        return new TableBlock.Cell(a.from(), a.to(), false, a.fill(), content, a.origin());
    }

    static String colour(float[] rgb) {
        if (rgb == null || rgb.length < 3) {
            return null;
        }
        int r = Math.round(rgb[0] * 255);
        int g = Math.round(rgb[1] * 255);
        int b = Math.round(rgb[2] * 255);
        if (r > 250 && g > 250 && b > 250) {
            return null;
        }
        return String.format(Locale.ROOT, "%02X%02X%02X", r, g, b);
    }
}
