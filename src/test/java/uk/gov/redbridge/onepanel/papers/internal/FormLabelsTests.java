package uk.gov.redbridge.onepanel.papers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormLayout;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.Layouts;

/** The printed copy of a form typed into an email: sections, items and labels as the form prints them. */
class FormLabelsTests {

    private static final FormLayout LAYOUT = Layouts.of(FormMappings.load(FormMappings.DEFAULT_LOCATION).all().get(0));

    @Test
    void theFormIsPrintedWithItsNumberedSectionsAPersonEachWithTheirRoleAndTheFormsOwnLabels() {
        List<ExtractedField> fields = new ArrayList<>();
        fields.add(field("persons.0.name", "Alex Example"));
        fields.add(field("persons.0.role", "next_of_kin"));
        fields.add(field("persons.1.name", "Sam Example"));
        fields.add(field("persons.1.role", "other"));
        fields.add(field("persons.2.name", "Jo Example"));
        fields.add(field("subject.first_name", "Taylor"));
        FilledForm form = new FilledForm("appendix-e-v1", fields);

        List<FormLabels.Section> sections = FormLabels.sections(LAYOUT, form);

        // what the form printed before its labels came from form-mappings/ (the list written out in this class)
        List<String> printed = new ArrayList<>();
        sections.forEach(s -> {
            printed.add("# " + s.title());
            s.rows().forEach(r -> printed.add(r.label()));
        });
        assertThat(String.join("\n", printed)).isEqualTo("""
                # 1. Context for referral to One Panel
                Date of this One Panel referral
                Summary of reason for referral
                Date of incident/death
                # 2. Subject details
                First name
                Last name
                Other names used
                Date of birth
                Age
                Gender
                Ethnicity
                Disability
                NHS number
                GP
                Postmortem result (if applicable)
                Home address
                Housing tenure
                School / college
                # 3. Other relevant person(s)
                a. Next of kin / nearest relative
                Name
                Date of birth
                Relationship to subject
                Address
                Other relevant information
                b. Other relevant person
                Name
                Date of birth
                Relationship to subject
                Address
                Other relevant information
                c. Other relevant person
                Name
                Date of birth
                Relationship to subject
                Address
                Other relevant information
                # 4. Agency involvement
                Details of original referral/contact with agency: subject
                Details of original referral/contact with agency: others
                Status (CP plan, looked after child, adult at risk procedure, DoLS ...): subject
                Status (CP plan, looked after child, adult at risk procedure, DoLS ...): others
                Summary of work/intervention and analysis: subject
                Summary of work/intervention and analysis: others
                What other agencies have been involved with the family?: subject
                What other agencies have been involved with the family?: others
                How well has the multi-agency partnership worked together?
                # 5. Referrer details
                Name
                Agency
                Role
                Telephone
                Email
                Manager responsible for quality assuring the referral
                Subject to an internal/single agency review?
                Lessons learnt
                Considerations (media interest, criminal proceedings ...)
                # 6. One Panel decision
                Meeting date
                One Panel recommendation
                Follow up action""");
        assertThat(sections.get(1).rows().get(0)).isEqualTo(new FormLabels.Row("First name", "Taylor"));
        assertThat(sections.get(2).rows().get(1)).isEqualTo(new FormLabels.Row("Name", "Alex Example"));
    }

    private static ExtractedField field(String key, String value) {
        return new ExtractedField(key, value, value, 1, null, List.of());
    }
}
