package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/**
 * Reads paragraphs in order: a label opens a field, the lines that follow are its answer until the next label,
 * heading, boilerplate or sign-off. Used for the document's paragraphs and, separately, inside each cell.
 */
final class Lines {

    final Reading run;
    private final LabelIndex index;
    final boolean inCell;
    final List<String> leading = new ArrayList<>();
    Target pending;
    List<String> lines = new ArrayList<>();
    Placement placement;
    Origin valueOrigin;
    boolean sawItem;
    boolean gap;
    /** in a cell right of a label: the label waiting for this cell as its answer */
    Target waiting;

    Lines(Reading run, boolean inCell) {
        this.run = run;
        this.index = run.index;
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
        String text = Vocabulary.SPACES_BUT_TABS.matcher(raw).replaceAll(" ").strip();
        if (text.isEmpty()) {
            if (pending != null && !lines.isEmpty()) {
                gap = true;
                lines.add("");
            }
            return;
        }
        String folded = Folded.fold(text);
        if (run.vocabulary.isBoilerplate(folded)) {
            close();
            return;
        }
        if (!inCell && run.vocabulary.isSignOff(folded)) {
            close();
            run.ended = true;
            return;
        }
        boolean placeholder = run.vocabulary.isPlaceholder(text);
        LabelIndex.Heading h = placeholder ? null : index.heading(text, styledHeading, run.loose);
        boolean answerSlot = pending != null && lines.isEmpty();
        if (h == null && !placeholder && !(answerSlot && inCell)) {
            h = index.similarHeading(text, styledHeading, run.section);
            if (h == null && !inCell) {
                h = index.numberedHeading(text, run.section);
            }
        }
        if (index.questionOfItsSection(h, text, run.section, styledHeading)) {
            h = null;
        }
        if (h != null && !(pending != null && lines.isEmpty() && inCell)) {
            close();
            run.heading(h);
            sawItem = true;
            return;
        }
        List<LabelIndex.Hit> hits = index.labels(text, run.loose);
        if (hits.isEmpty() && !placeholder) {
            hits = index.similar(text, run.section, false);
            if (!hits.isEmpty() && !similarEnds(hits.get(0), text)) {
                hits = List.of();
            }
            if (!hits.isEmpty() && hits.get(0).similarity() < LabelIndex.LIKE && parts(text).isEmpty()) {
                // only weakly like a field: a label, but its place in the form decides which
                LabelIndex.Hit weak = hits.get(0);
                close();
                pending = run.unknown(weak.labelText(), origin);
                start(weak.rest(), origin);
                return;
            }
        }
        if (!hits.isEmpty() && interrupts(hits.get(0))) {
            List<LabelIndex.Hit> partHits = run.partsPossible() ? parts(text) : List.of();
            if (!partHits.isEmpty() && Folded.fold(partHits.get(0).labelText()).length()
                    >= Folded.fold(hits.get(0).labelText()).length()) {
                openPart(partHits.get(0), origin);
            } else {
                close();
                pending = run.resolve(hits, origin);
                String rest = hits.get(0).rest();
                List<LabelIndex.Hit> firstPart = rest.isEmpty() || !run.partsPossible() ? List.of()
                        : parts(rest);
                if (!firstPart.isEmpty()) {
                    openPart(firstPart.get(0), origin);
                } else {
                    start(rest, origin);
                }
            }
            return;
        }
        if (run.partsPossible()) {
            List<LabelIndex.Hit> partHits = parts(text);
            if (!partHits.isEmpty()) {
                openPart(partHits.get(0), origin);
                return;
            }
        }
        if (!placeholder && unknownLabel(text, origin)) {
            return;
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
        if (!sawItem) {
            leading.add(text);
        }
    }

    /**
     * A label the mapping does not know ("Pronouns: she/her", "Safeguarding status" over its answer): its answer is
     * kept apart from the field before, for {@link StructureAlignment} to place or leave out. A label with a colon or
     * question mark ends a short answer; inside a long answer, only a question, or a label like a field of the
     * section still without an answer, ends it. A line of its own that reads as a label (short, no full stop) is one
     * when no answer is waiting for it.
     *
     * @return whether the text was taken as such a label
     */
    private boolean unknownLabel(String text, Origin origin) {
        LabelCandidate c = LabelCandidate.of(text);
        if (c == null || !Character.isUpperCase(firstLetter(c.label()))) {
            return false;
        }
        if (pending == null && waiting != null && !sawItem) {
            // the cell beside a label is its answer, whatever it starts with
            return false;
        }
        boolean ends;
        if (c.separated()) {
            // "Analysis: the risk was known" may be the start or the middle of a long answer
            ends = pending == null || !pendingLong()
                    || c.label().endsWith("?") && Words.WHITESPACE.split(c.label()).length >= 3
                    || run.likeAMissingField(c.label(), pending.field(), 0.5)
                    // a wording the mapping knows was already judged part of the answer ("Agency: the housing
                    // officer had been told."): only a label it does not know, like some field, is the next question
                    || afterSentence() && run.likeAnyField(c.label(), 0.7) && index.labels(text, run.loose).isEmpty();
        } else {
            if (inCell || Words.WHITESPACE.split(c.label()).length > 10 || text.matches(".*\\d.*")) {
                return false;
            }
            if (pending == null) {
                ends = !gapAfterLeading();
            } else if (lines.isEmpty() && ValueShapes.plainAnswer(pending.field(), text)) {
                // the first line under a yes/no question is its answer "No", not an unknown label ending it unanswered
                ends = false;
            } else if (lines.isEmpty() || pendingLong()) {
                // a line of its own, no full stop, much like a question of this section still unanswered: the
                // answer before it was left blank, or has ended
                ends = !text.endsWith(".") && (run.likeAMissingField(c.label(), pending.field(), 0.5)
                        // a finished sentence, then a short line much like some label: the next question
                        || afterSentence() && Words.WHITESPACE.split(c.label()).length <= 8
                        && run.likeAnyField(c.label(), 0.5));
            } else if (pending.field().key().endsWith("address")) {
                // a town on the next line is still the address; a label is not, nor a line after the postcode that
                // ends the address ("Anything else relevant" under it is the next question, not the address)
                ends = run.likeAnyField(c.label(), 0.5) || ValueShapes.completeAddress(lines);
            } else {
                ends = true;
            }
        }
        if (!ends) {
            return false;
        }
        close();
        pending = run.unknown(c.label(), origin);
        start(c.rest(), origin);
        return true;
    }

    /** Whether the answer read so far ends with a full sentence. */
    private boolean afterSentence() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.isEmpty()) {
                return l.endsWith(".") || l.endsWith("!") || l.endsWith("?");
            }
        }
        return false;
    }

    /** Before anything was read (a letter's opening lines), a line is not a label. */
    private boolean gapAfterLeading() {
        return !sawItem;
    }

    private static char firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    /** Part labels: the mapping's wordings, else one by its words ("Re subject:"). */
    private List<LabelIndex.Hit> parts(String text) {
        List<LabelIndex.Hit> exact = index.parts(text);
        if (!exact.isEmpty()) {
            return exact;
        }
        LabelIndex.Hit similar = index.similarPart(text);
        return similar == null || !similar.separated() && !similar.rest().isEmpty() ? List.of() : List.of(similar);
    }

    private boolean longAnswerOpen() {
        return pending != null && !lines.isEmpty() && pendingLong();
    }

    /** A long answer is being read (a label not recognised is taken to have a short one until placed). */
    private boolean pendingLong() {
        return pending.field().type().longText() && pending.field() != Reading.UNKNOWN;
    }

    /**
     * Whether a label found by its words ends the answer being read. An answer waiting for its first line takes the
     * line unless it reads clearly as a label (a separator, nearly a wording, or an answer the field cannot have: not
     * a date under "Date of birth"). Inside a long answer, only a label with a separator of the same section, or of
     * several words, ends it ("Housing: the family moved twice" is part of the story).
     */
    private boolean similarEnds(LabelIndex.Hit hit, String text) {
        Target slot = pending != null && lines.isEmpty() ? pending : pending == null && !sawItem ? waiting : null;
        if (slot != null) {
            if (hit.wording().field() == slot.field()) {
                // a label right after a label of the same field is its answer ("Criminal proceedings: trial next
                // year" under "Considerations")
                return false;
            }
            return hit.separated() || hit.similarity() >= 0.95 || ValueShapes.fit(slot.field(), text) < 0.5;
        }
        if (pending == null) {
            return true;
        }
        if (!pendingLong()) {
            return true;
        }
        // a line of its own, no full stop, like a label of this section: the next question (answers under labels)
        return hit.separated() && (hit.wording().section() == pending.section() || hit.wording().words() >= 2)
                || !hit.separated() && hit.wording().section() == pending.section() && !text.endsWith(".");
    }

    private void openPart(LabelIndex.Hit hit, Origin origin) {
        if (run.partAnswered(hit.wording().part(), pending)) {
            // "Subject:" again: a question the mapping does not know was asked in between; its wording, standing
            // alone at the end of the answer before, is its label and not part of that answer
            String question = trailingQuestion();
            close();
            run.unknown(question == null ? "(question not recognised)" : question, origin);
        } else {
            close();
        }
        pending = run.part(hit, origin);
        start(hit.rest(), origin);
    }

    /** The last line of the answer being read when it reads as a question or label of its own (taken out). */
    private String trailingQuestion() {
        int last = lines.size() - 1;
        while (last > 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 1) {
            return null;
        }
        String line = lines.get(last).strip();
        LabelCandidate c = LabelCandidate.of(line);
        if (c == null || !c.rest().isEmpty() || line.endsWith(".")) {
            return null;
        }
        lines.subList(last, lines.size()).clear();
        return c.label();
    }

    private void start(String rest, Origin origin) {
        sawItem = true;
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
        if (pending.byWords() && !lines.isEmpty() && ValueShapes.fit(pending.field(), lines.get(0)) < 0.5) {
            // not the answer the field was taken for: read on, its place will say what it is
            return !gap;
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
        return pending.field().key().endsWith("address") && lines.size() < 4 && !ValueShapes.completeAddress(lines);
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
