package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TextBlock;

/**
 * Reads paragraphs in order: a label opens a field, the lines that follow are its answer until the next label,
 * heading, boilerplate or sign-off. Used for the document's paragraphs and, separately, inside each cell.
 */
final class Lines {
    private static final Pattern UNKNOWN_LABEL = Pattern.compile(
            "^[A-Z][A-Za-z'()/ ,.&-]{1,48}(?::|\\?)(\\s.*)?$");

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
    /** an unknown label ("Pronouns:") swallows its answer so it cannot join the previous field */
    boolean swallowing;

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
            swallowing = false;
            return;
        }
        if (!inCell && run.vocabulary.isSignOff(folded)) {
            close();
            run.ended = true;
            return;
        }
        LabelIndex.Heading h = run.vocabulary.isPlaceholder(text) ? null
                : index.heading(text, styledHeading, run.loose);
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
