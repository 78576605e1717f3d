package uk.gov.redbridge.onepanel.extraction.variants;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Layout;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Person;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Row;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Section;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Topic;

/**
 * A form written as lines without tables: "Label: answer" ({@link Layout#COLON_LINES}) or each label on a line of
 * its own with the answer under it ({@link Layout#BELOW}). Used for Word paragraphs, PDF lines and email bodies.
 */
final class TextLines {

    enum Kind { TITLE, HEADING, SUBHEADING, LABEL, VALUE, LABEL_AND_VALUE }

    record Line(Kind kind, String text) {
    }

    private TextLines() {
    }

    static List<Line> of(VariantForm form) {
        boolean below = form.style().layout() == Layout.BELOW;
        List<Line> out = new ArrayList<>();
        if (form.title() != null) {
            out.add(new Line(Kind.TITLE, form.title()));
        }
        for (Section s : form.sections()) {
            if (s.heading() != null) {
                out.add(new Line(Kind.HEADING, s.heading()));
            }
            for (Person p : s.persons()) {
                if (p.heading() != null) {
                    out.add(new Line(Kind.SUBHEADING, p.heading()));
                }
                rows(out, p.rows(), below);
            }
            for (Topic t : s.topics()) {
                out.add(new Line(Kind.SUBHEADING, t.label()));
                part(out, t.subjectPart(), t.subject(), below);
                part(out, t.othersPart(), t.others(), below);
            }
            rows(out, s.rows(), below);
        }
        return out;
    }

    private static void part(List<Line> out, String part, String text, boolean below) {
        if (below) {
            out.add(new Line(Kind.LABEL, part + ":"));
            if (!text.isBlank()) {
                out.add(new Line(Kind.VALUE, text));
            }
        } else {
            out.add(new Line(Kind.LABEL_AND_VALUE, part + ": " + text));
        }
    }

    private static void rows(List<Line> out, List<Row> rows, boolean below) {
        for (Row r : rows) {
            if (below) {
                out.add(new Line(Kind.LABEL, r.label()));
                for (String l : r.written().split("\n")) {
                    if (!l.isBlank()) {
                        out.add(new Line(Kind.VALUE, l));
                    }
                }
            } else {
                out.add(new Line(Kind.LABEL_AND_VALUE, r.label() + (r.label().endsWith("?") ? " " : ": ")
                        + r.written().replace('\n', ' ')));
            }
        }
    }

    /** The lines as plain text, a blank line before each heading. */
    static String plain(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            if (l.kind() == Kind.HEADING && !sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(l.text().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
