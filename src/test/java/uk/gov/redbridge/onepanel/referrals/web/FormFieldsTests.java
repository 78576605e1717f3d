package uk.gov.redbridge.onepanel.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormLayout;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.Layouts;

/** The review page's fields: the form's, in form order, each typed as its kind says, then what else the form holds. */
class FormFieldsTests {

    private static final FormLayout LAYOUT = Layouts.of(FormMappings.load(FormMappings.DEFAULT_LOCATION).all().get(0));

    @Test
    void everySectionButThePanelsDecisionInFormOrderThenTheOtherFieldsTheFormHolds() {
        List<ExtractedField> fields = new ArrayList<>();
        for (String key : List.of("persons.0.name", "persons.0.role", "persons.1.name", "decision.meeting_date",
                "decision.recommendation", "referrer.unknown_thing")) {
            fields.add(new ExtractedField(key, "v", "v", 1, null, List.of()));
        }
        FilledForm form = new FilledForm("appendix-e-v1", fields);

        // as the page listed them before the list came from form-mappings/ (written out in FormFields)
        List<String> shown = new ArrayList<>();
        for (FormFields.Section s : FormFields.sectionsFor(LAYOUT, form)) {
            shown.add("# " + s.titleKey());
            s.fields().forEach(f -> shown.add(f.key() + " " + f.kind()));
        }
        assertThat(String.join("\n", shown)
                // kinds the page types as text, as it did when it called them so
                .replace(" PHONE", " TEXT").replace(" YES_NO", " TEXT")).isEqualTo("""
                # review.section.referral
                referral.date DATE
                referral.reason LONG_TEXT
                referral.incident_date DATE
                # review.section.subject
                subject.first_name TEXT
                subject.last_name TEXT
                subject.other_names TEXT
                subject.date_of_birth DATE
                subject.age AGE
                subject.gender TEXT
                subject.ethnicity TEXT
                subject.disability TEXT
                subject.nhs_number NHS_NUMBER
                subject.gp TEXT
                subject.postmortem_result TEXT
                subject.address LONG_TEXT
                subject.housing_tenure TEXT
                subject.school_college TEXT
                # review.section.persons
                persons.0.name TEXT
                persons.0.date_of_birth DATE
                persons.0.relationship TEXT
                persons.0.address LONG_TEXT
                persons.0.other_info LONG_TEXT
                persons.1.name TEXT
                persons.1.date_of_birth DATE
                persons.1.relationship TEXT
                persons.1.address LONG_TEXT
                persons.1.other_info LONG_TEXT
                # review.section.involvement
                involvement.original_contact.subject LONG_TEXT
                involvement.original_contact.others LONG_TEXT
                involvement.status.subject LONG_TEXT
                involvement.status.others LONG_TEXT
                involvement.summary.subject LONG_TEXT
                involvement.summary.others LONG_TEXT
                involvement.other_agencies.subject LONG_TEXT
                involvement.other_agencies.others LONG_TEXT
                involvement.partnership_working LONG_TEXT
                # review.section.referrer
                referrer.name TEXT
                referrer.agency TEXT
                referrer.role TEXT
                referrer.phone TEXT
                referrer.email EMAIL
                referrer.manager TEXT
                referrer.internal_review TEXT
                referrer.lessons_learnt LONG_TEXT
                referrer.considerations LONG_TEXT
                # review.section.other
                decision.meeting_date DATE
                decision.recommendation LONG_TEXT
                referrer.unknown_thing LONG_TEXT""");
    }

    @Test
    void aFormWithoutPeopleStillOffersOnePerson() {
        FilledForm form = new FilledForm("appendix-e-v1", List.of());

        assertThat(FormFields.all(LAYOUT, form)).extracting(FormFields.Field::key)
                .contains("persons.0.name").doesNotContain("persons.1.name", "decision.meeting_date");
        assertThat(FormFields.all(LAYOUT, form)).filteredOn(f -> f.key().equals("subject.address"))
                .singleElement().matches(FormFields.Field::longText, "an address is typed on several lines");
    }
}
