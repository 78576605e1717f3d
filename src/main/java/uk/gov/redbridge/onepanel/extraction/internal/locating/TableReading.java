package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;

/**
 * Reads a table: an answer beside its label, under it (a row of labels over a row of answers, or over one row per
 * person), in the columns headed "Subject" and "Others", or in the lower part of a merged label cell's row.
 */
final class TableReading {

    private final Reading reading;

    TableReading(Reading reading) {
        this.reading = reading;
    }

    void table(TableBlock table) {
        Map<String, Target> openAbove = new HashMap<>();
        Map<String, Target> labelAbove = new HashMap<>();
        // "Subject" and "Others" as column headings: answers to a question go to the part of their column
        Map<String, String> partColumns = new HashMap<>();
        // a row of labels of a repeating section over rows of answers: one person a row
        Map<String, List<LabelIndex.Hit>> itemColumns = new HashMap<>();
        boolean labelTable = labelAnswerTable(table);
        // persons side by side: a column for each person
        Map<String, Integer> personColumns = new java.util.LinkedHashMap<>();
        for (TableBlock.Row row : table.rows()) {
            if (partHeadings(row, partColumns)) {
                continue;
            }
            if (personHeadings(row, personColumns) || personRow(row, personColumns)) {
                continue;
            }
            if (!itemColumns.isEmpty() && itemRow(row, itemColumns)) {
                continue;
            }
            Map<String, List<LabelIndex.Hit>> labelsInRow = new HashMap<>();
            boolean allLabels = true;
            Target carry = null;
            String carryFill = null;
            boolean carryFromContinuation = false;
            Map<String, Target> opensThisRow = new HashMap<>();
            Map<String, Target> labelsThisRow = new HashMap<>();
            String carryRange = null;
            for (TableBlock.Cell cell : row.cells()) {
                String range = cell.from() + "-" + cell.to();
                if (cell.continuation()) {
                    Target above = overlapping(labelAbove, cell);
                    labelsThisRow.put(range, above);
                    carry = above;
                    carryFromContinuation = true;
                    carryRange = range;
                    continue;
                }
                if (carry != null && !carryFromContinuation && wordingAsAnswer(cell, carryFill, labelTable, row)) {
                    // an answer that happens to be a label's wording ("Manager" as a role)
                    reading.emit(carry, List.of(cell.text().split("\n")), Placement.RIGHT, cell.origin());
                    carry = null;
                    continue;
                }
                CellReading r = readCell(cell, aloneInRow(row), carry != null && !carryFromContinuation ? carry : null,
                        carryFill, labelPlace(cell, row, labelTable));
                if (r.heading) {
                    carry = null;
                    continue;
                }
                if (!r.leading.isEmpty()) {
                    Target above;
                    String part = carry != null && wholeQuestion(carry) ? partOf(partColumns, cell) : null;
                    if (part != null) {
                        reading.emit(new Target(carry.section(), carry.field(), carry.key() + "." + part, carry.label()
                                + " / " + part, carry.origin(), carry.score()), r.leading, Placement.RIGHT,
                                cell.origin());
                        // the next column may hold the other part
                        continue;
                    }
                    String column = carry == null && reading.topic != null ? partOf(partColumns, cell) : null;
                    if (carry != null) {
                        reading.emit(carry, r.leading, Placement.RIGHT, cell.origin());
                    } else if ((above = takeOverlapping(openAbove, cell)) != null) {
                        reading.emit(above, r.leading, Placement.BELOW, cell.origin());
                    } else if (column != null) {
                        // under a "Subject" or "Others" column heading, below the question
                        reading.emit(new Target(reading.topicSection, reading.topic, reading.topicKey + "." + column,
                                reading.topicLabel + " / " + column, cell.origin(), 0.95 * reading.topicScore), r.leading,
                                Placement.BELOW, cell.origin());
                    }
                    carry = null;
                } else if (r.blank) {
                    carry = null;
                } else if (carry != null) {
                    // the cell after a label starts with a label of its own
                    if (r.labelOnly && !carryFromContinuation) {
                        opensThisRow.put(carryRange, carry);
                    }
                    carry = null;
                }
                carryFromContinuation = false;
                if (r.open != null) {
                    carry = r.open;
                    carryFill = cell.fill();
                    carryRange = range;
                    labelsThisRow.put(range, r.open);
                }
                if (r.labelOnly && !r.hits.isEmpty()) {
                    labelsInRow.put(range, r.hits);
                } else if (!r.blank) {
                    allLabels = false;
                }
            }
            itemColumns = allLabels && labelsInRow.size() >= 2 && reading.section != null
                    && reading.section.repeats()
                    ? labelsInRow : Map.of();
            if (carry != null && !carryFromContinuation && carryRange != null) {
                opensThisRow.put(carryRange, carry);
            }
            openAbove = opensThisRow;
            labelAbove = labelsThisRow;
        }
        reading.lastAmbiguous = null;
    }

    /**
     * Whether a cell right of a label, that reads as a label, is its answer: it is styled unlike the label (shaded
     * labels, white answers), or the table is a two-column list of labels and answers and the cell ends its row.
     */
    private boolean wordingAsAnswer(TableBlock.Cell cell, String labelFill, boolean labelTable, TableBlock.Row row) {
        String text = cell.text().strip();
        if (text.isEmpty() || !readsAsLabel(text)) {
            return false;
        }
        if (labelFill != null && !labelFill.equals(cell.fill())) {
            return true;
        }
        List<TableBlock.Cell> cells = row.cells().stream().filter(c -> !c.blank()).toList();
        return labelTable && cells.size() == 2 && cells.get(1) == cell;
    }

    /**
     * Whether the layout says a label stands in a cell: it is shaded (answers seldom are), it ends with a colon or a
     * question mark, or it starts a row of a two-column list of labels and answers.
     */
    private static boolean labelPlace(TableBlock.Cell cell, TableBlock.Row row, boolean labelTable) {
        if (shaded(cell)) {
            return true;
        }
        String text = cell.text().strip();
        if (text.endsWith(":") || text.endsWith("?")) {
            return true;
        }
        List<TableBlock.Cell> cells = row.cells().stream().filter(c -> !c.continuation()).toList();
        return labelTable && cells.size() == 2 && cells.get(0) == cell;
    }

    private static boolean shaded(TableBlock.Cell cell) {
        return cell.fill() != null && !cell.fill().equalsIgnoreCase("FFFFFF") && !cell.fill().equalsIgnoreCase("auto");
    }

    // ------------------------------------------------------------------------------------------ persons in columns

    /**
     * A row of person headings side by side ("Next of kin | Other relevant person | ..."): each column is a person,
     * and the rows under it give each person's answer to the label in their first cell.
     */
    private boolean personHeadings(TableBlock.Row row, Map<String, Integer> personColumns) {
        List<TableBlock.Cell> headed = new ArrayList<>();
        List<LabelIndex.Heading> headings = new ArrayList<>();
        for (TableBlock.Cell cell : row.cells()) {
            if (cell.blank() || cell.continuation()) {
                continue;
            }
            String text = Vocabulary.SPACES.matcher(cell.text().replace('\n', ' ')).replaceAll(" ").strip();
            LabelIndex.Heading h = reading.index.heading(text, false, reading.loose);
            if (h == null) {
                h = reading.index.similarHeading(text, true, reading.section);
            }
            if (h == null || h.role() == null) {
                return false;
            }
            headed.add(cell);
            headings.add(h);
        }
        if (headed.size() < 2) {
            return false;
        }
        personColumns.clear();
        reading.topic = null;
        reading.section = headings.get(0).section();
        for (int i = 0; i < headed.size(); i++) {
            reading.startItem(headings.get(i).role(), 1.0);
            personColumns.put(headed.get(i).from() + "-" + headed.get(i).to(), reading.person);
        }
        return true;
    }

    /**
     * A row of a section of persons with a label and two or more answers beside it: each answer is the person's of
     * its column. Without a row of headings over it, the columns are the next persons in order.
     */
    private boolean personRow(TableBlock.Row row, Map<String, Integer> personColumns) {
        List<TableBlock.Cell> cells = row.cells().stream().filter(c -> !c.continuation()).toList();
        if (cells.size() < 3 || cells.get(0).blank()) {
            personColumns.clear();
            return false;
        }
        String label = Vocabulary.SPACES.matcher(cells.get(0).text().replace('\n', ' ')).replaceAll(" ").strip();
        List<LabelIndex.Hit> hits = labelOnly(label);
        if (hits.isEmpty()) {
            hits = reading.index.similar(label, reading.section, true);
            if (!hits.isEmpty() && !hits.get(0).rest().isEmpty()) {
                hits = List.of();
            }
        }
        LabelIndex.Hit hit = hits.stream().filter(h -> h.wording().section().repeats() && (!h.similar()
                || h.similarity() >= LabelIndex.LIKE)).findFirst().orElse(null);
        boolean inPersons = reading.section != null && reading.section.repeats();
        if (hit == null && !(inPersons && !personColumns.isEmpty() && LabelCandidate.readsAsLabel(label, 12))) {
            personColumns.clear();
            return false;
        }
        if (hit != null && !inPersons && hits.stream().anyMatch(h -> !h.wording().section().repeats())) {
            // "Name | ... | ..." outside a section of persons is not a person's
            return false;
        }
        for (TableBlock.Cell c : cells.subList(1, cells.size())) {
            if (labelCell(c)) {
                // "Name | Jane | DOB | 1/2/80": label and answer pairs, not persons side by side
                personColumns.clear();
                return false;
            }
        }
        if (personColumns.isEmpty()) {
            if (cells.subList(1, cells.size()).stream().filter(c -> !c.blank()).count() < 2) {
                return false;
            }
            reading.section = hit.wording().section();
            reading.topic = null;
            for (TableBlock.Cell c : cells.subList(1, cells.size())) {
                reading.startItem(null, 0.9);
                personColumns.put(c.from() + "-" + c.to(), reading.person);
            }
        }
        for (TableBlock.Cell c : cells.subList(1, cells.size())) {
            Integer person = null;
            for (Map.Entry<String, Integer> e : personColumns.entrySet()) {
                if (overlap(e.getKey(), c) > 0) {
                    person = e.getValue();
                    break;
                }
            }
            if (c.blank() || reading.vocabulary.isPlaceholder(c.text())) {
                continue;
            }
            if (person == null) {
                // a column whose heading was left blank ("| Next of kin | Other person | |"): one more person
                reading.startItem(null, 0.9);
                person = reading.person;
                personColumns.put(c.from() + "-" + c.to(), person);
            }
            Target t = hit != null
                    ? new Target(hit.wording().section(), hit.wording().field(),
                            hit.wording().section().keyOf(hit.wording().field(), person), hit.labelText(),
                            cells.get(0).origin(), hit.score())
                    : reading.unknownFor(label, cells.get(0).origin(), person);
            reading.emit(t, List.of(c.text().split("\n")), Placement.RIGHT, c.origin());
        }
        return true;
    }

    /** A question answered in parts, read before any part: its answers may stand in "Subject"/"Others" columns. */
    private static boolean wholeQuestion(Target t) {
        return t.field().parts() && (t.key().equals(t.field().key())
                || t.field() == Reading.UNKNOWN && t.key().indexOf('.') < 0);
    }

    /**
     * A two-column list of labels and answers: most two-cell rows start with a cell that reads as a label (short, no
     * full stop), and at least two of those labels, and half of them, are the mapping's wordings or like them by their
     * words, with an answer beside them that is not a label. A pasted table without shading is still read as one.
     */
    private boolean labelAnswerTable(TableBlock table) {
        int pairs = 0;
        int twoCells = 0;
        int labelLike = 0;
        for (TableBlock.Row row : table.rows()) {
            List<TableBlock.Cell> cells = row.cells().stream().filter(c -> !c.blank() && !c.continuation()).toList();
            if (cells.size() != 2) {
                continue;
            }
            twoCells++;
            String first = Vocabulary.SPACES.matcher(cells.get(0).text().replace('\n', ' ')).replaceAll(" ").strip();
            if (!LabelCandidate.readsAsLabel(first, 16) || first.endsWith(".")) {
                continue;
            }
            labelLike++;
            boolean known = readsAsLabel(first) || reading.index.similar(first, null, true).stream()
                    .anyMatch(h -> h.rest().isEmpty() && h.similarity() >= LabelIndex.LIKE);
            if (known && !readsAsLabel(cells.get(1).text())) {
                pairs++;
            }
        }
        return pairs >= 2 && pairs * 2 >= labelLike && labelLike >= twoCells * 0.6;
    }

    /**
     * Whether a cell is a label, by wording or by words, or shaded as labels are and reading as one (without reading
     * it: no section or person changes).
     */
    private boolean labelCell(TableBlock.Cell cell) {
        String text = Vocabulary.SPACES.matcher(cell.text().replace('\n', ' ')).replaceAll(" ").strip();
        if (text.isEmpty() || reading.vocabulary.isPlaceholder(text)) {
            return false;
        }
        if (!labelOnly(text).isEmpty()) {
            return true;
        }
        List<LabelIndex.Hit> hits = reading.index.similar(text, reading.section, shaded(cell));
        if (!hits.isEmpty() && hits.get(0).rest().isEmpty()) {
            return true;
        }
        return shaded(cell) && !text.endsWith(".") && LabelCandidate.readsAsLabel(text, 16);
    }

    /** Whether a cell's whole text is a label (without reading it: no section or person changes). */
    private boolean readsAsLabel(String text) {
        return !labelOnly(Vocabulary.SPACES.matcher(text.replace('\n', ' ')).replaceAll(" ").strip()).isEmpty();
    }

    /**
     * A row of answers under a row of labels of a repeating section: each cell answers the label of its column,
     * and a label met again starts the next person. False (and nothing read) when the row holds labels itself.
     */
    private boolean itemRow(TableBlock.Row row, Map<String, List<LabelIndex.Hit>> columns) {
        for (TableBlock.Cell cell : row.cells()) {
            String text = cell.text().strip();
            if (!text.isEmpty() && (labelCell(cell) || reading.index.heading(text.replace('\n', ' '), false) != null)) {
                return false;
            }
        }
        boolean any = false;
        for (TableBlock.Cell cell : row.cells()) {
            String text = cell.text();
            if (text.isBlank() || reading.vocabulary.isPlaceholder(text)) {
                continue;
            }
            for (Map.Entry<String, List<LabelIndex.Hit>> e : columns.entrySet()) {
                if (overlap(e.getKey(), cell) > 0) {
                    Target t = reading.resolve(e.getValue(), cell.origin());
                    reading.emit(t, List.of(text.split("\n")), Placement.BELOW, cell.origin());
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    /**
     * A row of part labels over columns ("| Subject | Others |"), in a section whose answers come in parts: its
     * columns are noted. A single "Others:" cell is a label for the cell beside it, not a column heading.
     */
    private boolean partHeadings(TableBlock.Row row, Map<String, String> partColumns) {
        Map<String, String> found = new HashMap<>();
        for (TableBlock.Cell cell : row.cells()) {
            String part = partHeader(cell);
            if (part != null) {
                found.put(cell.from() + "-" + cell.to(), part);
            } else if (!cell.blank()) {
                return false;
            }
        }
        if (found.size() < 2) {
            return false;
        }
        partColumns.putAll(found);
        return true;
    }

    /** A cell that is only a part label ("Subject", "Others"), in a section whose answers come in parts. */
    private String partHeader(TableBlock.Cell cell) {
        if (reading.section == null || reading.section.parts().isEmpty()) {
            return null;
        }
        String text = cell.text().strip();
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        List<LabelIndex.Hit> hits = reading.index.parts(text);
        if (hits.isEmpty()) {
            LabelIndex.Hit similar = reading.index.similarPart(text);
            hits = similar == null ? List.of() : List.of(similar);
        }
        return hits.isEmpty() || !hits.get(0).rest().isEmpty() ? null : hits.get(0).wording().part();
    }

    private String partOf(Map<String, String> partColumns, TableBlock.Cell cell) {
        for (Map.Entry<String, String> e : partColumns.entrySet()) {
            if (overlap(e.getKey(), cell) > 0) {
                return e.getValue();
            }
        }
        return null;
    }

    private Target overlapping(Map<String, Target> byRange, TableBlock.Cell cell) {
        for (Map.Entry<String, Target> e : byRange.entrySet()) {
            if (e.getValue() != null && overlaps(e.getKey(), cell)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Target takeOverlapping(Map<String, Target> byRange, TableBlock.Cell cell) {
        String best = null;
        double bestOverlap = 0;
        for (Map.Entry<String, Target> e : byRange.entrySet()) {
            double o = overlap(e.getKey(), cell);
            if (e.getValue() != null && o > bestOverlap) {
                best = e.getKey();
                bestOverlap = o;
            }
        }
        return best == null ? null : byRange.remove(best);
    }

    private boolean overlaps(String range, TableBlock.Cell cell) {
        return overlap(range, cell) > 0;
    }

    private double overlap(String range, TableBlock.Cell cell) {
        String[] p = range.split("-(?=[\\d.])", 2);
        double from = Double.parseDouble(p[0]);
        double to = Double.parseDouble(p[1]);
        double o = Math.min(to, cell.to()) - Math.max(from, cell.from());
        // at least half of the narrower of the two
        double narrower = Math.min(to - from, cell.to() - cell.from());
        return o >= narrower * 0.5 ? o : 0;
    }

    private static boolean aloneInRow(TableBlock.Row row) {
        return row.cells().stream().filter(c -> !c.blank() && !c.continuation()).count() == 1;
    }

    /**
     * Reads one cell: the text before any label, the labels with their answers, and a label left open.
     *
     * @param waiting   the label in the cell before, waiting for this cell as its answer, or null
     * @param labelFill the shading of that label's cell
     */
    CellReading readCell(TableBlock.Cell cell, boolean aloneInRow, Target waiting, String labelFill,
            boolean labelPlace) {
        CellReading r = new CellReading();
        String text = cell.text();
        if (text.isBlank() || reading.vocabulary.isPlaceholder(text)) {
            r.blank = true;
            return r;
        }
        String joined = Vocabulary.SPACES.matcher(text.replace('\n', ' ')).replaceAll(" ").strip();
        LabelIndex.Heading h = reading.index.heading(joined, false, reading.loose);
        if (h == null && waiting == null) {
            h = reading.index.similarHeading(joined, aloneInRow, reading.section);
            if (h == null && aloneInRow) {
                h = reading.index.numberedHeading(joined, reading.section);
            }
        }
        if (reading.index.questionOfItsSection(h, joined, reading.section, aloneInRow && shaded(cell))) {
            h = null;
        }
        if (h != null) {
            reading.heading(h);
            r.heading = true;
            return r;
        }
        // a cell that is all label, however it wraps ("Manager Name responsible for quality / assuring...")
        List<LabelIndex.Hit> hits = labelOnly(joined);
        // by its words, a label only when the cell is one line: "First name" over "Raymond" is a label and its answer
        boolean oneLine = text.strip().indexOf('\n') < 0;
        // a wording of the mapping and more after it ("... with agency Subject:", "Name: Jane"): read as lines
        boolean wordingAndMore = hits.isEmpty() && !reading.index.labels(joined, reading.loose).isEmpty();
        if (hits.isEmpty() && oneLine && !wordingAndMore
                && !(reading.partsPossible() && !reading.index.parts(joined).isEmpty())) {
            hits = similarLabelOnly(joined, cell, waiting, labelFill);
        }
        if (!hits.isEmpty()) {
            r.open = reading.resolve(hits, cell.origin());
            r.labelOnly = true;
            r.hits = hits;
            return r;
        }
        if (reading.partsPossible()) {
            List<LabelIndex.Hit> parts = reading.index.parts(joined);
            if (parts.isEmpty()) {
                LabelIndex.Hit similar = reading.index.similarPart(joined);
                parts = similar == null ? List.of() : List.of(similar);
            }
            if (!parts.isEmpty() && parts.get(0).rest().isEmpty()) {
                r.open = reading.part(parts.get(0), cell.origin());
                r.labelOnly = true;
                return r;
            }
        }
        // a row of labels: the label before is not waiting for this cell
        boolean free = (waiting == null || labelFill != null && labelFill.equalsIgnoreCase(cell.fill()))
                && !wordingAndMore;
        if (oneLine && free && labelPlace && !joined.endsWith(".") && LabelCandidate.readsAsLabel(joined, 16)
                && joined.indexOf(':') < 0 || oneLine && free && labelPlace && joined.endsWith(":")
                && LabelCandidate.readsAsLabel(joined, 16)) {
            // a label the mapping does not know, where a label stands: its answer beside or under it
            r.open = reading.unknown(joined.replaceFirst(":$", "").strip(), cell.origin());
            r.labelOnly = true;
            return r;
        }
        Lines flow = reading.lines(true);
        flow.waiting = waiting;
        flow.blocks(cell.content());
        r.leading = flow.leading;
        r.open = flow.openLabel();
        if (r.open != null && !wholeQuestion(r.open) && r.open.field().parts() && !oneLine) {
            // "Others:" left blank at the end of a cell of answers: the cell beside or below is not its answer (but
            // "... with agency Subject:" alone in its cell is the label of the cell beside)
            r.open = null;
        }
        flow.close();
        return r;
    }

    /**
     * A cell that is all label by its words. A cell after a label waiting for its answer is that answer, unless it is
     * shaded as the label is, nearly a wording, or an answer the waiting field cannot have.
     */
    private List<LabelIndex.Hit> similarLabelOnly(String text, TableBlock.Cell cell, Target waiting, String labelFill) {
        List<LabelIndex.Hit> hits = reading.index.similar(text, reading.section, shaded(cell));
        if (hits.isEmpty() || !hits.get(0).rest().isEmpty() || hits.get(0).similarity() < LabelIndex.LIKE) {
            // only weakly like a field: left for its place in the form to decide (an unknown label)
            return List.of();
        }
        if (waiting != null) {
            // "Ethnic group" | "Any other ethnic group": the answer, however like a label it reads
            if (hits.stream().anyMatch(h -> h.wording().field() == waiting.field())) {
                return List.of();
            }
            boolean sameShade = labelFill != null && labelFill.equalsIgnoreCase(cell.fill());
            if (!sameShade && hits.get(0).similarity() < 0.95 && ValueShapes.fit(waiting.field(), text) >= 0.5) {
                return List.of();
            }
        }
        return hits;
    }

    private List<LabelIndex.Hit> labelOnly(String text) {
        List<LabelIndex.Hit> hits = reading.index.labels(text, false);
        if (hits.isEmpty() && reading.loose) {
            hits = reading.index.labels(text, true);
        }
        if (!hits.isEmpty() && hits.get(0).rest().isEmpty()) {
            return hits;
        }
        return List.of();
    }

    /** What one table cell held. */
    static final class CellReading {
        boolean blank;
        boolean heading;
        boolean labelOnly;
        List<LabelIndex.Hit> hits = List.of();
        List<String> leading = new ArrayList<>();
        Target open;
    }
}
