package uk.gov.redbridge.onepanel.papers.internal;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormLayout;

/**
 * The form's sections and printed labels ({@link FormLayout}, from {@code form-mappings/}) with a form's values, for
 * printing a form that came as an email body.
 */
final class FormLabels {

    record Row(String label, String value) {
    }

    record Section(String title, List<Row> rows) {
    }

    private FormLabels() {
    }

    /** Every section with the values the form holds; a blank value shows as blank. */
    static List<Section> sections(FormLayout layout, FilledForm form) {
        List<Section> out = new ArrayList<>();
        for (FormLayout.Section s : layout.sections()) {
            List<Row> rows = new ArrayList<>();
            if (s.repeats()) {
                for (int i = 0; i < form.personCount(); i++) {
                    String role = form.value(FieldKeys.person(i, "role")).orElse("");
                    rows.add(new Row((char) ('a' + Math.min(i, 25)) + ". " + s.itemTitle(role), ""));
                    s.fieldsOf(i).forEach(f -> rows.add(row(f, form)));
                }
            } else {
                s.fields().forEach(f -> rows.add(row(f, form)));
            }
            out.add(new Section(s.number() + ". " + s.title(), rows));
        }
        return out;
    }

    private static Row row(FormLayout.Field field, FilledForm form) {
        return new Row(field.label(), ShownValues.shown(form.value(field.key()).orElse("")));
    }
}
