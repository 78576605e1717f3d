package uk.gov.redbridge.onepanel.extraction.variants;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Layout;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Person;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Row;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Section;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Style;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Topic;

/** A variant form as a Word .docx, in its layout. */
final class VariantWord {

    private static final String DARK = "1F3864";
    private static final String LABEL = "D9E2F3";

    private VariantWord() {
    }

    static byte[] write(VariantForm form) {
        WordDocument d = new WordDocument();
        Style style = form.style();
        if (style.layout() == Layout.COLON_LINES || style.layout() == Layout.BELOW) {
            for (TextLines.Line l : TextLines.of(form)) {
                switch (l.kind()) {
                    case TITLE, HEADING -> d.heading(l.text());
                    case SUBHEADING, LABEL -> d.paragraphOf(bold(l.text()));
                    default -> d.paragraph(l.text());
                }
            }
            return d.bytes();
        }
        if (form.title() != null) {
            d.heading(form.title());
        }
        for (Section s : form.sections()) {
            d = switch (style.layout()) {
                case TABLES -> tables(d, s, style);
                case ONE_CELL -> oneCell(d, s);
                default -> labelsOver(d, s);
            };
        }
        return d.bytes();
    }

    private static String bold(String text) {
        return "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + text.replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;") + "</w:t></w:r>";
    }

    private static String label(Row r, Style style) {
        return label(r.label(), style);
    }

    private static String label(String text, Style style) {
        return style.colonInLabelCells() && !text.endsWith("?") ? text + ":" : text;
    }

    /** Section tables: label cells shaded, answers beside them, one or two pairs a row. */
    private static WordDocument tables(WordDocument d, Section s, Style style) {
        int pairs = s.key().equals("involvement") ? 1 : style.pairsPerRow();
        int columns = Math.max(2 * pairs, s.key().equals("persons") && style.personsInColumns()
                ? 1 + s.persons().size() : s.key().equals("involvement") ? 3 : 2);
        WordDocument.Table t = d.table();
        if (s.heading() != null) {
            t.row().cellOf(p(s.heading()), columns, null, DARK);
        }
        if (s.key().equals("persons") && style.personsInColumns()) {
            t.row().cell("");
            for (Person p : s.persons()) {
                t.label(p.heading() == null ? "" : p.heading());
            }
            List<Row> first = s.persons().get(0).rows();
            for (int i = 0; i < first.size(); i++) {
                t.row().label(label(first.get(i), style));
                for (Person p : s.persons()) {
                    t.cell(p.rows().get(i).written());
                }
            }
            return t.end();
        }
        for (Person p : s.persons()) {
            if (p.heading() != null) {
                t.row().cellOf(p(p.heading()), columns, null, "F2F2F2");
            }
            pairs(t, p.rows(), pairs, columns, style);
        }
        if (!s.topics().isEmpty() && style.involvementGrid()) {
            t.row().cell("").label(s.topics().get(0).subjectPart()).label(s.topics().get(0).othersPart());
            for (Topic topic : s.topics()) {
                t.row().label(label(topic.label(), style)).cell(topic.subject()).cell(topic.others());
            }
        } else {
            for (Topic topic : s.topics()) {
                t.row().cellOf(p(topic.label()), 1, "restart", LABEL)
                        .cellOf(p(topic.subjectPart() + ": " + topic.subject()), columns - 1, null, null);
                t.row().cellOf("", 1, "continue", LABEL)
                        .cellOf(p(topic.othersPart() + ": " + topic.others()), columns - 1, null, null);
            }
        }
        pairs(t, s.rows(), pairs, columns, style);
        return t.end();
    }

    private static void pairs(WordDocument.Table t, List<Row> rows, int pairs, int columns, Style style) {
        List<Row> pending = new ArrayList<>();
        for (Row r : rows) {
            boolean longAnswer = r.written().length() > 80;
            if (longAnswer) {
                flush(t, pending, columns, style);
                t.row().label(label(r, style)).cell(r.written(), columns - 1);
                continue;
            }
            pending.add(r);
            if (pending.size() == pairs) {
                flush(t, pending, columns, style);
            }
        }
        flush(t, pending, columns, style);
    }

    private static void flush(WordDocument.Table t, List<Row> rows, int columns, Style style) {
        if (rows.isEmpty()) {
            return;
        }
        t.row();
        for (int i = 0; i < rows.size(); i++) {
            int span = i == rows.size() - 1 ? columns - 1 - 2 * i : 1;
            t.label(label(rows.get(i), style)).cell(rows.get(i).written(), span);
        }
        rows.clear();
    }

    /** "Label: answer" typed into the label's cell, two to a row. */
    private static WordDocument oneCell(WordDocument d, Section s) {
        WordDocument.Table t = d.table();
        if (s.heading() != null) {
            t.row().cellOf(p(s.heading()), 2, null, DARK);
        }
        for (Person p : s.persons()) {
            if (p.heading() != null) {
                t.row().cellOf(p(p.heading()), 2, null, "F2F2F2");
            }
            cells(t, p.rows());
        }
        for (Topic topic : s.topics()) {
            t.row().cell(topic.label()).cell(topic.subjectPart() + ": " + topic.subject() + "\n" + topic.othersPart()
                    + ": " + topic.others());
        }
        cells(t, s.rows());
        return t.end();
    }

    private static void cells(WordDocument.Table t, List<Row> rows) {
        for (int i = 0; i < rows.size(); i += 2) {
            t.row();
            for (int j = i; j < i + 2; j++) {
                if (j < rows.size()) {
                    Row r = rows.get(j);
                    t.cell(r.label() + (r.label().endsWith("?") ? " " : ": ") + r.written().replace('\n', ' '));
                } else {
                    t.cell("");
                }
            }
        }
    }

    /** A row of labels over a row of answers, three to a row; persons one table each. */
    private static WordDocument labelsOver(WordDocument d, Section s) {
        if (s.heading() != null) {
            d.heading(s.heading());
        }
        for (Person p : s.persons()) {
            if (p.heading() != null) {
                d.paragraphOf(bold(p.heading()));
            }
            d = grid(d, p.rows());
        }
        for (Topic topic : s.topics()) {
            WordDocument.Table t = d.table();
            t.row().label(topic.label(), 2);
            t.row().label(topic.subjectPart()).label(topic.othersPart());
            t.row().cell(topic.subject()).cell(topic.others());
            d = t.end();
        }
        if (!s.rows().isEmpty()) {
            d = grid(d, s.rows());
        }
        return d;
    }

    private static WordDocument grid(WordDocument d, List<Row> rows) {
        WordDocument.Table t = d.table();
        for (int i = 0; i < rows.size(); i += 3) {
            List<Row> group = rows.subList(i, Math.min(rows.size(), i + 3));
            t.row();
            group.forEach(r -> t.label(r.label()));
            t.row();
            group.forEach(r -> t.cell(r.written()));
        }
        return t.end();
    }

    private static String p(String text) {
        return "<w:p>" + bold(text) + "</w:p>";
    }
}
