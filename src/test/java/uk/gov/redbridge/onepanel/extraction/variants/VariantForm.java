package uk.gov.redbridge.onepanel.extraction.variants;

import java.util.List;
import java.util.Map;

/**
 * A referral form as one referrer's copy has it: its title, sections (headings as reworded, rows in their order, some
 * deleted), label wordings and answers as written, and the canonical values extraction must give ({@link #truth},
 * FIELDS.md keys as the corpus's truth files have them).
 */
public record VariantForm(String title, List<Section> sections, Map<String, String> truth, Style style) {

    /**
     * One label and its answer.
     *
     * @param key     the canonical key ({@code subject.gender}; for a person, the key inside the person: {@code name})
     * @param written the answer as written, "" when left blank
     */
    public record Row(String key, String label, String written) {
        public boolean blank() {
            return written == null || written.isBlank();
        }
    }

    /** A person of section 3: the heading over them (may be null), their rows. */
    public record Person(String heading, List<Row> rows) {
    }

    /** A question of section 4 answered in two parts, each introduced by its own part label. */
    public record Topic(String key, String label, String subjectPart, String subject, String othersPart,
            String others) {
    }

    /**
     * A section; rows for the plain sections, persons for section 3, topics then the partnership row for section 4.
     *
     * @param heading as written, numbering included; null when the copy has none
     */
    public record Section(String key, String heading, List<Row> rows, List<Person> persons, List<Topic> topics) {
    }

    /** How the copy is laid out. */
    public record Style(Layout layout, int pairsPerRow, boolean personsInColumns, boolean involvementGrid,
            boolean colonInLabelCells) {
    }

    /** The layouts the generator writes. */
    public enum Layout {
        /** Word or PDF tables: label cell, answer cell beside it */
        TABLES,
        /** "Label: answer" inside one table cell */
        ONE_CELL,
        /** a row of labels over a row of answers */
        LABELS_OVER,
        /** each label a paragraph, the answer in the paragraphs under it */
        BELOW,
        /** "Label: answer" paragraphs or lines */
        COLON_LINES
    }

    /** The label each truth key was written under (for finding which wordings are not read). */
    public Map<String, String> labels() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Section s : sections) {
            for (Row r : s.rows()) {
                out.put(r.key(), r.label());
                if (r.key().equals("subject.name")) {
                    out.put("subject.first_name", r.label());
                    out.put("subject.last_name", r.label());
                }
                if (r.key().equals("referrer.contact")) {
                    out.put("referrer.phone", r.label());
                    out.put("referrer.email", r.label());
                }
            }
            for (int i = 0; i < s.persons().size(); i++) {
                Person p = s.persons().get(i);
                out.put("persons." + i + ".role", String.valueOf(p.heading()));
                for (Row r : p.rows()) {
                    out.put("persons." + i + "." + r.key(), r.label());
                }
            }
            for (Topic t : s.topics()) {
                out.put(t.key() + ".subject", t.label() + " / " + t.subjectPart());
                out.put(t.key() + ".others", t.label() + " / " + t.othersPart());
            }
        }
        return out;
    }

    public String describe() {
        return style.layout().name().toLowerCase() + (style.pairsPerRow() > 1 ? ", two pairs a row" : "")
                + (style.personsInColumns() ? ", persons in columns" : "")
                + (style.involvementGrid() ? ", Subject/Others columns" : "");
    }
}
