package uk.gov.redbridge.onepanel.referrals.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FieldKind;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormLayout;

/**
 * The fields the review page shows and checks, in form order, from the form's {@link FormLayout}: every section but
 * the panel's decision (filled in by the secretariat after the meeting), then whatever else the form holds. Labels
 * are plain words under {@code field.<key>} ({@code field.persons.name} for every person), section titles under
 * {@code review.section.<section key>}.
 */
final class FormFields {

    /** The section the panel fills in after the meeting: not the referrer's to give, shown only when present. */
    private static final String PANEL_SECTION = "decision";

    record Field(String key, FieldKind kind) {

        /** The message key of its label: persons share theirs. */
        public String labelKey() {
            return "field." + key.replaceFirst("^persons\\.\\d+\\.", "persons.");
        }

        /** The input's id: the bound name's rule (see fragments/forms.html). */
        public String id() {
            return "fields-" + key.replace('.', '-');
        }

        /** 1-based person number, or 0 for a field that is not about a person. */
        public int person() {
            return key.startsWith("persons.") ? Integer.parseInt(key.split("\\.")[1]) + 1 : 0;
        }

        /** Typed in a text area, line breaks kept. */
        public boolean longText() {
            return kind == FieldKind.LONG_TEXT;
        }
    }

    record Section(String titleKey, List<Field> fields) {
    }

    private FormFields() {
    }

    static List<Section> sectionsFor(FormLayout layout, FilledForm form) {
        List<Section> sections = new ArrayList<>();
        for (FormLayout.Section s : layout.sections()) {
            if (s.key().equals(PANEL_SECTION)) {
                continue;
            }
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < (s.repeats() ? Math.max(1, form.personCount()) : 1); i++) {
                s.fieldsOf(i).forEach(f -> fields.add(new Field(f.key(), f.kind())));
            }
            sections.add(new Section("review.section." + s.key(), fields));
        }
        Set<String> listed = new LinkedHashSet<>();
        sections.forEach(s -> s.fields().forEach(f -> listed.add(f.key())));
        // what the form holds beyond the usual fields (a person's role, the decision section): shown, kept, editable
        List<Field> other = new ArrayList<>();
        for (ExtractedField f : form.fields()) {
            if (!listed.contains(f.key()) && !f.key().matches("persons\\.\\d+\\.role")) {
                other.add(new Field(f.key(), layout.field(f.key()).map(FormLayout.Field::kind)
                        .orElse(f.key().endsWith("date") ? FieldKind.DATE : FieldKind.LONG_TEXT)));
            }
        }
        if (!other.isEmpty()) {
            sections.add(new Section("review.section.other", other));
        }
        return sections;
    }

    static List<Field> all(FormLayout layout, FilledForm form) {
        return sectionsFor(layout, form).stream().flatMap(s -> s.fields().stream()).toList();
    }
}
