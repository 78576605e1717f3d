package uk.gov.redbridge.onepanel.referrals.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * The Appendix E fields in form order (FIELDS.md), with the kind of value each holds: what the review page shows
 * and checks. Labels are in messages.properties under {@code field.<key>} ({@code field.persons.name} for every
 * person).
 */
final class FormFields {

    enum Kind { TEXT, LONG_TEXT, DATE, NHS_NUMBER, AGE, EMAIL }

    record Field(String key, Kind kind) {

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
    }

    record Section(String titleKey, List<Field> fields) {
    }

    private static final String[] PERSON_FIELDS = {"name", "date_of_birth", "relationship", "address", "other_info"};

    private FormFields() {
    }

    static List<Section> sectionsFor(FilledForm form) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("review.section.context", List.of(
                new Field("referral.date", Kind.DATE), new Field("referral.reason", Kind.LONG_TEXT),
                new Field("referral.incident_date", Kind.DATE))));
        sections.add(new Section("review.section.subject", List.of(
                new Field("subject.first_name", Kind.TEXT), new Field("subject.last_name", Kind.TEXT),
                new Field("subject.other_names", Kind.TEXT), new Field("subject.date_of_birth", Kind.DATE),
                new Field("subject.age", Kind.AGE), new Field("subject.gender", Kind.TEXT),
                new Field("subject.ethnicity", Kind.TEXT), new Field("subject.disability", Kind.TEXT),
                new Field("subject.nhs_number", Kind.NHS_NUMBER), new Field("subject.gp", Kind.TEXT),
                new Field("subject.postmortem_result", Kind.TEXT), new Field("subject.address", Kind.LONG_TEXT),
                new Field("subject.housing_tenure", Kind.TEXT), new Field("subject.school_college", Kind.TEXT))));
        List<Field> persons = new ArrayList<>();
        for (int i = 0; i < Math.max(1, form.personCount()); i++) {
            for (String f : PERSON_FIELDS) {
                persons.add(new Field("persons." + i + "." + f, f.equals("date_of_birth") ? Kind.DATE
                        : f.equals("address") || f.equals("other_info") ? Kind.LONG_TEXT : Kind.TEXT));
            }
        }
        sections.add(new Section("review.section.persons", persons));
        List<Field> involvement = new ArrayList<>();
        for (String row : List.of("original_contact", "status", "summary", "other_agencies")) {
            involvement.add(new Field("involvement." + row + ".subject", Kind.LONG_TEXT));
            involvement.add(new Field("involvement." + row + ".others", Kind.LONG_TEXT));
        }
        involvement.add(new Field("involvement.partnership_working", Kind.LONG_TEXT));
        sections.add(new Section("review.section.involvement", involvement));
        sections.add(new Section("review.section.referrer", List.of(
                new Field("referrer.name", Kind.TEXT), new Field("referrer.agency", Kind.TEXT),
                new Field("referrer.role", Kind.TEXT), new Field("referrer.phone", Kind.TEXT),
                new Field("referrer.email", Kind.EMAIL), new Field("referrer.manager", Kind.TEXT),
                new Field("referrer.internal_review", Kind.TEXT), new Field("referrer.lessons_learnt", Kind.LONG_TEXT),
                new Field("referrer.considerations", Kind.LONG_TEXT))));
        Set<String> listed = new LinkedHashSet<>();
        sections.forEach(s -> s.fields().forEach(f -> listed.add(f.key())));
        // what the form holds beyond the usual fields (a person's role, the decision section): shown, kept, editable
        List<Field> other = new ArrayList<>();
        for (ExtractedField f : form.fields()) {
            if (!listed.contains(f.key()) && !f.key().matches("persons\\.\\d+\\.role")) {
                other.add(new Field(f.key(), f.key().endsWith("date") ? Kind.DATE : Kind.LONG_TEXT));
            }
        }
        if (!other.isEmpty()) {
            sections.add(new Section("review.section.other", other));
        }
        return sections;
    }

    static List<Field> all(FilledForm form) {
        return sectionsFor(form).stream().flatMap(s -> s.fields().stream()).toList();
    }
}
