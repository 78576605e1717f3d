package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;

/**
 * Finds the values of a form's fields in a document's paragraphs and tables, the way a person reads a form: a label,
 * then its answer after a colon, under it, or in the next cell; and, in a table with a row of labels over a row of
 * answers, in the cell below. Section headings decide which field an ambiguous label ("Name", "Address") belongs
 * to; where a heading is missing, a label that belongs to one section only moves the reading to that section.
 */
public final class FieldLocator {

    private static final Pattern UNKNOWN_LABEL = Pattern.compile(
            "^[A-Z][A-Za-z'()/ ,.&-]{1,48}(?::|\\?)(\\s.*)?$");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");

    private final FormMapping mapping;
    private final LabelIndex index;
    private final List<String> placeholders;
    private final List<String> boilerplate;
    private final List<String> signOffs;
    private final List<String> titles;

    public FieldLocator(FormMapping mapping) {
        this.mapping = mapping;
        this.index = new LabelIndex(mapping);
        this.placeholders = mapping.placeholders().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.boilerplate = mapping.boilerplate().stream().map(Folded::fold).toList();
        this.signOffs = mapping.signOffs().stream().map(Folded::fold).toList();
        this.titles = mapping.recognition().titlePhrases().stream().map(Folded::fold).toList();
    }

    /** The form's fields in a document; reading stops at a sign-off ("Kind regards") outside tables. */
    public LocatedForm locate(DocumentLayout layout) {
        Run run = new Run(layout.ocr());
        Flow flow = new Flow(run, false);
        flow.blocks(layout.blocks());
        flow.close();
        String all = Folded.fold(layout.text());
        boolean title = titles.stream().anyMatch(all::contains);
        return run.result(title);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A label waiting for its answer. */
    private record Target(MappingSection section, FieldSpec field, String key, String label, Origin origin,
            double score) {
    }

    /** The reading state across one document. */
    private final class Run {
        final boolean loose;
        final List<Located> found = new ArrayList<>();
        final Map<Integer, String> roles = new HashMap<>();
        final Map<Integer, Double> roleScores = new HashMap<>();
        MappingSection section;
        int person = -1;
        final Set<String> personFields = new HashSet<>();
        FieldSpec topic;
        MappingSection topicSection;
        String topicLabel;
        boolean ended;
        /** the last field resolved from a wording shared by several sections, for late correction */
        Target lastAmbiguous;
        List<LabelIndex.Hit> lastAmbiguousHits;
        int lastAmbiguousFound = -1;

        Run(boolean loose) {
            this.loose = loose;
        }

        // ---------------------------------------------------------------------------------------------- headings

        void heading(LabelIndex.Heading h) {
            topic = null;
            if (h.role() == null) {
                section = h.section();
            } else {
                section = h.section();
                startItem(h.role(), 1.0);
            }
            lastAmbiguous = null;
        }

        void startItem(String role, double score) {
            person++;
            personFields.clear();
            String r = role != null ? role
                    : person == 0 || roles.isEmpty() ? orDefault(section.firstRole(), section.role())
                    : section.role();
            roles.put(person, r == null ? "" : r);
            roleScores.put(person, score);
        }

        private String orDefault(String a, String b) {
            return a != null ? a : b;
        }

        // ---------------------------------------------------------------------------------------------- labels

        /** Decides which field a label is, moving to its section when it belongs to one section only. */
        Target resolve(List<LabelIndex.Hit> hits, Origin origin) {
            LabelIndex.Hit chosen = null;
            boolean ambiguous = hits.stream().map(h -> h.wording().section()).distinct().count() > 1
                    || hits.size() > 1;
            if (section != null) {
                for (LabelIndex.Hit h : hits) {
                    if (h.wording().section() == section) {
                        chosen = h;
                        break;
                    }
                }
            }
            double contextFactor = 1.0;
            if (chosen == null) {
                if (!ambiguous) {
                    chosen = hits.get(0);
                } else {
                    // sections come in form order: prefer the first one after the current section
                    int current = section == null ? -1 : mapping.sections().indexOf(section);
                    for (LabelIndex.Hit h : hits) {
                        if (mapping.sections().indexOf(h.wording().section()) > current) {
                            chosen = h;
                            break;
                        }
                    }
                    if (chosen == null) {
                        chosen = hits.get(0);
                    }
                    contextFactor = 0.85;
                }
            } else if (ambiguous) {
                contextFactor = 0.97;
            }
            MappingSection target = chosen.wording().section();
            if (target != section) {
                correctLastAmbiguous(target);
                section = target;
                topic = null;
            }
            FieldSpec field = chosen.wording().field();
            String key = field.key();
            if (section.repeats()) {
                if (person < 0 || personFields.contains(field.key())) {
                    startItem(null, 0.9);
                }
                key = section.keyOf(field, person);
            }
            if (field.parts()) {
                topic = field;
                topicSection = section;
                topicLabel = chosen.labelText();
            } else {
                topic = null;
            }
            Target t = new Target(section, field, key, chosen.labelText(), origin, chosen.score() * contextFactor);
            if (ambiguous) {
                lastAmbiguous = t;
                lastAmbiguousHits = hits;
                lastAmbiguousFound = found.size();
            } else {
                lastAmbiguous = null;
            }
            return t;
        }

        /**
         * A label of one section only, right after an ambiguous label read in another section, shows the
         * ambiguous one belonged there too (a "Name" just before "Agency" is the referrer's, even without the
         * "Referrer details" heading).
         */
        private void correctLastAmbiguous(MappingSection newSection) {
            if (lastAmbiguous == null || lastAmbiguous.section() == newSection) {
                return;
            }
            for (LabelIndex.Hit h : lastAmbiguousHits) {
                if (h.wording().section() == newSection && !newSection.repeats()) {
                    String newKey = h.wording().field().key();
                    for (int i = lastAmbiguousFound; i < found.size(); i++) {
                        Located l = found.get(i);
                        if (l.key().equals(lastAmbiguous.key())) {
                            found.set(i, new Located(newKey, h.wording().field(), l.value(), l.label(), l.origin(),
                                    l.labelScore() * 0.9, l.placement()));
                        }
                    }
                    break;
                }
            }
            lastAmbiguous = null;
        }

        Target part(LabelIndex.Hit hit, Origin origin) {
            if (topic == null) {
                return null;
            }
            String key = topic.key() + "." + hit.wording().part();
            return new Target(topicSection, topic, key, topicLabel + " / " + hit.labelText(), origin,
                    hit.score());
        }

        boolean partsPossible() {
            return topic != null;
        }

        // ---------------------------------------------------------------------------------------------- values

        void emit(Target t, List<String> lines, Placement placement, Origin valueOrigin) {
            String value = clean(lines, t.field().type());
            if (value.isBlank()) {
                return;
            }
            String key = t.key();
            if (t.field().parts() && key.equals(t.field().key())) {
                // an answer to a question asked in parts, given without part labels
                String dflt = t.section().defaultPart();
                key = key + "." + (dflt == null ? "subject" : dflt);
            }
            if (t.section().repeats()) {
                personFields.add(t.field().key());
            }
            Origin where = valueOrigin != null ? valueOrigin : t.origin();
            found.add(new Located(key, t.field(), value, t.label(), where, t.score(), placement));
        }

        // ---------------------------------------------------------------------------------------------- tables

        void table(TableBlock table) {
            Map<String, Target> openAbove = new HashMap<>();
            Map<String, Target> labelAbove = new HashMap<>();
            // "Subject" and "Others" as column headings: answers to a question go to the part of their column
            Map<String, String> partColumns = new HashMap<>();
            // a row of labels of a repeating section over rows of answers: one person a row
            Map<String, List<LabelIndex.Hit>> itemColumns = new HashMap<>();
            for (TableBlock.Row row : table.rows()) {
                if (partHeadings(row, partColumns)) {
                    continue;
                }
                if (!itemColumns.isEmpty() && itemRow(row, itemColumns)) {
                    continue;
                }
                Map<String, List<LabelIndex.Hit>> labelsInRow = new HashMap<>();
                boolean allLabels = true;
                Target carry = null;
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
                    CellReading r = readCell(cell);
                    if (r.heading) {
                        carry = null;
                        continue;
                    }
                    if (!r.leading.isEmpty()) {
                        Target above;
                        String part = carry != null && carry.field().parts() && carry.key().equals(carry.field().key())
                                ? partOf(partColumns, cell) : null;
                        if (part != null) {
                            emit(new Target(carry.section(), carry.field(), carry.key() + "." + part, carry.label()
                                    + " / " + part, carry.origin(), carry.score()), r.leading, Placement.RIGHT,
                                    cell.origin());
                            // the next column may hold the other part
                            continue;
                        }
                        String column = carry == null && topic != null ? partOf(partColumns, cell) : null;
                        if (carry != null) {
                            emit(carry, r.leading, Placement.RIGHT, cell.origin());
                        } else if ((above = takeOverlapping(openAbove, cell)) != null) {
                            emit(above, r.leading, Placement.BELOW, cell.origin());
                        } else if (column != null) {
                            // under a "Subject" or "Others" column heading, below the question
                            emit(new Target(topicSection, topic, topic.key() + "." + column, topicLabel + " / "
                                    + column, cell.origin(), 0.95), r.leading, Placement.BELOW, cell.origin());
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
                        carryRange = range;
                        labelsThisRow.put(range, r.open);
                    }
                    if (r.labelOnly && !r.hits.isEmpty()) {
                        labelsInRow.put(range, r.hits);
                    } else if (!r.blank) {
                        allLabels = false;
                    }
                }
                itemColumns = allLabels && labelsInRow.size() >= 2 && section != null && section.repeats()
                        ? labelsInRow : Map.of();
                if (carry != null && !carryFromContinuation && carryRange != null) {
                    opensThisRow.put(carryRange, carry);
                }
                openAbove = opensThisRow;
                labelAbove = labelsThisRow;
            }
            lastAmbiguous = null;
        }

        /**
         * A row of answers under a row of labels of a repeating section: each cell answers the label of its column,
         * and a label met again starts the next person. False (and nothing read) when the row holds labels itself.
         */
        private boolean itemRow(TableBlock.Row row, Map<String, List<LabelIndex.Hit>> columns) {
            for (TableBlock.Cell cell : row.cells()) {
                String text = cell.text().strip();
                if (!text.isEmpty() && (!labelOnly(text.replace('\n', ' ')).isEmpty()
                        || index.heading(text.replace('\n', ' '), false) != null)) {
                    return false;
                }
            }
            boolean any = false;
            for (TableBlock.Cell cell : row.cells()) {
                String text = cell.text();
                if (text.isBlank() || isPlaceholder(text)) {
                    continue;
                }
                for (Map.Entry<String, List<LabelIndex.Hit>> e : columns.entrySet()) {
                    if (overlap(e.getKey(), cell) > 0) {
                        Target t = resolve(e.getValue(), cell.origin());
                        emit(t, List.of(text.split("\n")), Placement.BELOW, cell.origin());
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
            if (section == null || section.parts().isEmpty()) {
                return null;
            }
            String text = cell.text().strip();
            if (text.isEmpty() || text.length() > 40) {
                return null;
            }
            List<LabelIndex.Hit> hits = index.parts(text);
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

        /** Reads one cell: the text before any label, the labels with their answers, and a label left open. */
        CellReading readCell(TableBlock.Cell cell) {
            CellReading r = new CellReading();
            String text = cell.text();
            if (text.isBlank() || isPlaceholder(text)) {
                r.blank = true;
                return r;
            }
            String joined = SPACES.matcher(text.replace('\n', ' ')).replaceAll(" ").strip();
            LabelIndex.Heading h = index.heading(joined, false, loose);
            if (h != null) {
                heading(h);
                r.heading = true;
                return r;
            }
            // a cell that is all label, however it wraps ("Manager Name responsible for quality / assuring...")
            List<LabelIndex.Hit> hits = labelOnly(joined);
            if (!hits.isEmpty()) {
                r.open = resolve(hits, cell.origin());
                r.labelOnly = true;
                r.hits = hits;
                return r;
            }
            if (partsPossible()) {
                List<LabelIndex.Hit> parts = index.parts(joined);
                if (!parts.isEmpty() && parts.get(0).rest().isEmpty()) {
                    r.open = part(parts.get(0), cell.origin());
                    r.labelOnly = true;
                    return r;
                }
            }
            Flow flow = new Flow(this, true);
            flow.blocks(cell.content());
            r.leading = flow.leading;
            r.open = flow.openLabel();
            flow.close();
            return r;
        }

        private List<LabelIndex.Hit> labelOnly(String text) {
            List<LabelIndex.Hit> hits = index.labels(text, false);
            if (hits.isEmpty() && loose) {
                hits = index.labels(text, true);
            }
            if (!hits.isEmpty() && hits.get(0).rest().isEmpty()) {
                return hits;
            }
            return List.of();
        }

        // ---------------------------------------------------------------------------------------------- helpers

        boolean isPlaceholder(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (String p : placeholders) {
                if (t.equals(p)) {
                    return true;
                }
            }
            return false;
        }

        boolean isBoilerplate(String folded) {
            for (String b : boilerplate) {
                if (!b.isEmpty() && folded.startsWith(b)) {
                    return true;
                }
            }
            return false;
        }

        boolean isSignOff(String folded) {
            for (String s : signOffs) {
                if (!s.isEmpty() && folded.startsWith(s) && folded.length() <= s.length() + 40) {
                    return true;
                }
            }
            return false;
        }

        String clean(List<String> lines, ValueType type) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                String l = line;
                for (String p : placeholders) {
                    int i = l.toLowerCase(Locale.ROOT).indexOf(p);
                    if (i >= 0 && p.length() > 6) {
                        l = l.substring(0, i) + l.substring(i + p.length());
                    }
                }
                l = SPACES.matcher(l).replaceAll(" ").strip();
                if (isPlaceholder(l)) {
                    l = "";
                }
                kept.add(l);
            }
            // trim blank lines at both ends
            while (!kept.isEmpty() && kept.get(0).isEmpty()) {
                kept.remove(0);
            }
            while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
                kept.remove(kept.size() - 1);
            }
            if (type.longText()) {
                StringBuilder sb = new StringBuilder();
                boolean gap = false;
                for (String l : kept) {
                    if (l.isEmpty()) {
                        gap = true;
                        continue;
                    }
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(l);
                    gap = false;
                }
                return sb.toString();
            }
            StringBuilder sb = new StringBuilder();
            for (String l : kept) {
                if (l.isEmpty()) {
                    continue;
                }
                if (!sb.isEmpty()) {
                    char last = sb.charAt(sb.length() - 1);
                    sb.append(last == ',' || last == ';' || last == '/' || last == '-' || last == ':' ? " " : ", ");
                }
                sb.append(l);
            }
            return sb.toString();
        }

        LocatedForm result(boolean titleSeen) {
            // persons: drop blocks with nothing in them, number the rest 0.. in form order, add each role
            Map<Integer, Integer> renumber = new TreeMap<>();
            for (Located l : found) {
                Integer item = itemIndex(l.key());
                if (item != null) {
                    renumber.putIfAbsent(item, 0);
                }
            }
            int next = 0;
            for (Map.Entry<Integer, Integer> e : renumber.entrySet()) {
                e.setValue(next++);
            }
            List<Located> out = new ArrayList<>();
            Map<String, Located> byKey = new LinkedHashMap<>();
            for (Located l : found) {
                Located k = l;
                Integer item = itemIndex(l.key());
                if (item != null) {
                    String rest = l.key().substring(l.key().indexOf('.', l.key().indexOf('.') + 1));
                    k = l.withKey(l.key().substring(0, l.key().indexOf('.')) + "." + renumber.get(item) + rest);
                }
                Located previous = byKey.get(k.key());
                if (previous == null || k.labelScore() > previous.labelScore() + 0.05) {
                    byKey.put(k.key(), k);
                }
            }
            out.addAll(byKey.values());
            MappingSection repeating = mapping.sections().stream().filter(MappingSection::repeats).findFirst()
                    .orElse(null);
            if (repeating != null) {
                for (Map.Entry<Integer, Integer> e : renumber.entrySet()) {
                    String role = roles.getOrDefault(e.getKey(), "");
                    if (!role.isEmpty()) {
                        Located first = out.stream().filter(l -> l.key().startsWith(repeating.key() + "."
                                + e.getValue() + ".")).findFirst().orElse(null);
                        out.add(new Located(repeating.key() + "." + e.getValue() + ".role",
                                new FieldSpec("role", ValueType.TEXT, false, List.of("role"), false, null), role,
                                "(heading)", first == null ? null : first.origin(),
                                roleScores.getOrDefault(e.getKey(), 0.9), Placement.INLINE));
                    }
                }
            }
            Set<String> sections = new LinkedHashSet<>();
            for (Located l : out) {
                sections.add(l.key().substring(0, l.key().indexOf('.')));
            }
            return new LocatedForm(mapping, out, sections, titleSeen);
        }

        private Integer itemIndex(String key) {
            for (MappingSection s : mapping.sections()) {
                if (s.repeats() && key.startsWith(s.key() + ".")) {
                    String n = key.substring(s.key().length() + 1, key.indexOf('.', s.key().length() + 1));
                    return Integer.parseInt(n);
                }
            }
            return null;
        }
    }

    /** What one table cell held. */
    private static final class CellReading {
        boolean blank;
        boolean heading;
        boolean labelOnly;
        List<LabelIndex.Hit> hits = List.of();
        List<String> leading = new ArrayList<>();
        Target open;
    }

    /**
     * Reads paragraphs in order: a label opens a field, the lines that follow are its answer until the next label,
     * heading, boilerplate or sign-off. Used for the document's paragraphs and, separately, inside each cell.
     */
    private final class Flow {
        final Run run;
        final boolean inCell;
        final List<String> leading = new ArrayList<>();
        Target pending;
        List<String> lines = new ArrayList<>();
        Placement placement;
        Origin valueOrigin;
        boolean sawItem;
        boolean gap;
        /** an unknown label ("Pronouns:") swallows its answer so it cannot join the previous field */
        boolean swallowing;

        Flow(Run run, boolean inCell) {
            this.run = run;
            this.inCell = inCell;
        }

        /** Paragraphs and tables in order; a run of paragraphs is read as one sequence of lines. */
        void blocks(List<Block> blocks) {
            List<TextBlock> texts = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof TextBlock p) {
                    texts.add(p);
                    continue;
                }
                paragraphs(texts);
                texts.clear();
                if (!run.ended || inCell) {
                    close();
                    run.table((TableBlock) b);
                }
            }
            paragraphs(texts);
        }

        private void paragraphs(List<TextBlock> paragraphs) {
            if (paragraphs.isEmpty() || run.ended && !inCell) {
                return;
            }
            List<String> lines = new ArrayList<>();
            List<TextBlock> from = new ArrayList<>();
            for (TextBlock p : paragraphs) {
                for (String line : p.text().split("\n", -1)) {
                    lines.add(line);
                    from.add(p);
                }
            }
            String[] all = lines.toArray(new String[0]);
            for (int i = 0; i < all.length; i++) {
                if (run.ended && !inCell) {
                    return;
                }
                // a label wrapped over lines ("Status i.e., subject of a CP plan, looked after child, subject to /
                // deprivation of liberty safeguards (DoLS) etc."): read the lines it covers as one
                int covered = all.length - i > 1 ? wrappedLabel(all, i) : 0;
                TextBlock p = from.get(i);
                if (covered > 1) {
                    StringBuilder joined = new StringBuilder();
                    for (int j = i; j < i + covered; j++) {
                        joined.append(j == i ? "" : " ").append(all[j].strip());
                    }
                    line(joined.toString(), p.heading(), p.origin());
                    i += covered - 1;
                } else {
                    line(all[i], p.heading(), p.origin());
                }
            }
        }

        /** How many lines from {@code start} together make a label longer than the first of them, or 0. */
        private int wrappedLabel(String[] lines, int start) {
            if (lines[start].isBlank()) {
                return 0;
            }
            int first = Folded.fold(lines[start]).length();
            StringBuilder joined = new StringBuilder(lines[start].strip());
            for (int i = start + 1; i < Math.min(lines.length, start + 5); i++) {
                if (lines[i].isBlank()) {
                    return 0;
                }
                joined.append(' ').append(lines[i].strip());
                List<LabelIndex.Hit> hits = index.labels(joined.toString(), false);
                if (hits.isEmpty() && run.loose) {
                    hits = index.labels(joined.toString(), true);
                    // a loose match must still be a label over the lines, not a short label and its answer
                    hits = hits.stream().filter(h -> h.rest().isEmpty() || h.separated()).toList();
                }
                if (!hits.isEmpty() && Folded.fold(hits.get(0).labelText()).length() > first) {
                    return i - start + 1;
                }
            }
            return 0;
        }

        void line(String raw, boolean styledHeading, Origin origin) {
            String text = SPACES.matcher(raw).replaceAll(" ").strip();
            if (text.isEmpty()) {
                if (pending != null && !lines.isEmpty()) {
                    gap = true;
                    lines.add("");
                }
                return;
            }
            String folded = Folded.fold(text);
            if (run.isBoilerplate(folded)) {
                close();
                swallowing = false;
                return;
            }
            if (!inCell && run.isSignOff(folded)) {
                close();
                run.ended = true;
                return;
            }
            LabelIndex.Heading h = run.isPlaceholder(text) ? null : index.heading(text, styledHeading, run.loose);
            if (h != null && !(pending != null && lines.isEmpty() && inCell)) {
                close();
                run.heading(h);
                sawItem = true;
                swallowing = false;
                return;
            }
            List<LabelIndex.Hit> hits = index.labels(text, run.loose);
            if (!hits.isEmpty() && interrupts(hits.get(0))) {
                List<LabelIndex.Hit> partHits = run.partsPossible() ? index.parts(text) : List.of();
                if (!partHits.isEmpty() && Folded.fold(partHits.get(0).labelText()).length()
                        >= Folded.fold(hits.get(0).labelText()).length()) {
                    openPart(partHits.get(0), origin);
                } else {
                    close();
                    pending = run.resolve(hits, origin);
                    String rest = hits.get(0).rest();
                    List<LabelIndex.Hit> firstPart = rest.isEmpty() || !run.partsPossible() ? List.of()
                            : index.parts(rest);
                    if (!firstPart.isEmpty()) {
                        openPart(firstPart.get(0), origin);
                    } else {
                        start(rest, origin);
                    }
                }
                return;
            }
            if (run.partsPossible()) {
                List<LabelIndex.Hit> partHits = index.parts(text);
                if (!partHits.isEmpty()) {
                    openPart(partHits.get(0), origin);
                    return;
                }
            }
            if (pending != null) {
                if (accepts(text)) {
                    if (lines.isEmpty()) {
                        valueOrigin = origin;
                        placement = inCell ? Placement.FOLLOWING : Placement.FOLLOWING;
                    }
                    lines.add(text);
                    gap = false;
                    return;
                }
                close();
            }
            if (!inCell && UNKNOWN_LABEL.matcher(text).matches() && text.indexOf(':') < 50 && !swallowing) {
                // a label this mapping does not know: its answer belongs to no field
                swallowing = true;
                sawItem = true;
                return;
            }
            if (swallowing) {
                return;
            }
            if (!sawItem) {
                leading.add(text);
            }
        }

        private void openPart(LabelIndex.Hit hit, Origin origin) {
            close();
            pending = run.part(hit, origin);
            start(hit.rest(), origin);
        }

        private void start(String rest, Origin origin) {
            sawItem = true;
            swallowing = false;
            lines = new ArrayList<>();
            gap = false;
            if (rest != null && !rest.isBlank()) {
                lines.add(rest);
                placement = Placement.INLINE;
                valueOrigin = origin;
            } else {
                placement = Placement.FOLLOWING;
                valueOrigin = null;
            }
        }

        /** Whether a label may end the answer being read (a long answer may mention a label word). */
        private boolean interrupts(LabelIndex.Hit hit) {
            if (pending == null || lines.isEmpty() || !pending.field().type().longText()) {
                return true;
            }
            if (!hit.separated() && hit.rest().isEmpty()) {
                return true;
            }
            // inside free text, "Summary: ..." may be the writer's own word: only a label of this section or a
            // wording of several words ends the answer
            return hit.wording().section() == pending.section() || hit.wording().words() >= 2;
        }

        /** Whether a line continues the answer being read. */
        private boolean accepts(String text) {
            if (pending.field().type().longText()) {
                return true;
            }
            if (lines.isEmpty()) {
                return true;
            }
            // a short answer: one paragraph, unless in its own cell, or an address over a few lines
            if (gap) {
                return false;
            }
            if (inCell) {
                return true;
            }
            return pending.field().key().endsWith("address") && lines.size() < 4;
        }

        /** The label left waiting for an answer at the end of a cell, if any. */
        Target openLabel() {
            if (pending != null && lines.stream().allMatch(String::isBlank)) {
                Target t = pending;
                pending = null;
                return t;
            }
            return null;
        }

        void close() {
            if (pending != null) {
                if (lines.stream().anyMatch(l -> !l.isBlank())) {
                    run.emit(pending, lines, placement, valueOrigin);
                }
                pending = null;
                lines = new ArrayList<>();
                gap = false;
            }
        }
    }
}
