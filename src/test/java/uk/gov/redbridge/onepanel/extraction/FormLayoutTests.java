package uk.gov.redbridge.onepanel.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.InvalidFormMappingsException;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.Layouts;

/** The one list of the form's fields, as form-mappings/ declares it. */
class FormLayoutTests {

    private static final FormLayout LAYOUT = Layouts.of(FormMappings.load(FormMappings.DEFAULT_LOCATION).all().get(0));

    @Test
    void sectionsAreInFormOrderNumberedWithTheirPrintedTitles() {
        assertThat(LAYOUT.id()).isEqualTo("appendix-e-v1");
        assertThat(LAYOUT.sections()).extracting(FormLayout.Section::key)
                .containsExactly("referral", "subject", "persons", "involvement", "referrer", "decision");
        assertThat(LAYOUT.sections()).extracting(s -> s.number() + ". " + s.title()).startsWith(
                "1. Context for referral to One Panel", "2. Subject details", "3. Other relevant person(s)");
    }

    @Test
    void aFieldIsLabelledByItsTitleElseItsFirstLabelAndTypedAsDeclared() {
        assertThat(LAYOUT.field("referral.date")).hasValue(
                new FormLayout.Field("referral.date", "Date of this One Panel referral", FieldKind.DATE, false));
        assertThat(LAYOUT.field("referrer.phone")).get().extracting(FormLayout.Field::label, FormLayout.Field::kind)
                .containsExactly("Telephone", FieldKind.PHONE);
        assertThat(LAYOUT.field("subject.address")).get().extracting(FormLayout.Field::kind)
                .isEqualTo(FieldKind.LONG_TEXT);
        assertThat(LAYOUT.field("referral.reason")).get().extracting(FormLayout.Field::required).isEqualTo(true);
    }

    @Test
    void answersInPartsArePartFieldsPersonsRepeatAndSplitValuesAreTheirParts() {
        assertThat(LAYOUT.keys()).containsSubsequence("involvement.status.subject", "involvement.status.others")
                .contains("persons.0.name", "subject.first_name", "referrer.email")
                .doesNotContain("involvement.status", "subject.name", "referrer.contact");
        assertThat(LAYOUT.field("persons.3.relationship")).get().extracting(FormLayout.Field::label)
                .isEqualTo("Relationship to subject");
        FormLayout.Section persons = LAYOUT.section("persons").orElseThrow();
        assertThat(persons.itemTitle("next_of_kin")).isEqualTo("Next of kin / nearest relative");
        assertThat(persons.itemTitle("anything else")).isEqualTo("Other relevant person");
        FilledForm twoPeople = new FilledForm("appendix-e-v1", List.of(
                new ExtractedField("persons.0.name", "Alex Example", "Alex Example", 1, null, List.of()),
                new ExtractedField("persons.1.name", "Sam Example", "Sam Example", 1, null, List.of())));
        assertThat(LAYOUT.fieldsFor(twoPeople, 1)).extracting(FormLayout.Field::key)
                .contains("persons.0.other_info", "persons.1.other_info").doesNotContain("persons.2.name");
    }

    @Test
    void aSecondPersonIsShownInItsPlaceWhenTheFirstPersonsAnswersAreBlank() {
        FilledForm onlySecond = new FilledForm("appendix-e-v1", List.of(
                new ExtractedField("persons.1.name", "Sam Example", "Sam Example", 1, null, List.of())));
        assertThat(onlySecond.personCount()).isEqualTo(2);
        assertThat(LAYOUT.fieldsFor(onlySecond, 1)).extracting(FormLayout.Field::key)
                .contains("persons.0.name", "persons.1.name").doesNotContain("persons.2.name");
        FilledForm blanked = new FilledForm("appendix-e-v1", List.of(
                new ExtractedField("persons.0.name", "Alex Example", "Alex Example", 1, null, List.of()),
                new ExtractedField("persons.1.name", "Sam Example", "Sam Example", 1, null, List.of())))
                .corrected("persons.0.name", "", "jo.secretariat");
        assertThat(blanked.personCount()).isEqualTo(2);
    }

    @Test
    void everyKeyTheServiceReadsByNameIsAFieldOfTheForm() throws IllegalAccessException {
        for (Field constant : FieldKeys.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class
                    && !constant.getName().equals("PERSONS")) {
                String key = (String) constant.get(null);
                assertThat(LAYOUT.field(key)).as(constant.getName()).isPresent();
            }
        }
        assertThat(LAYOUT.field(FieldKeys.person(2, "date_of_birth"))).isPresent();
        assertThat(LAYOUT.only(FieldKeys.SUBJECT_AGE, FieldKeys.REFERRAL_REASON)).extracting(FormLayout.Field::label)
                .containsExactly("Age", "Summary of reason for referral");
    }

    @Test
    void aTypedAsThatIsNoTypeIsAProblemOfTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typed.yaml"), """
                recognition: {min-fields: 1, min-sections: 1, title-phrases: [Form]}
                sections:
                  - key: subject
                    title: The subject
                    headings: [Subject]
                    fields:
                      - {key: subject.first_name, type: text, typed-as: paragraph, labels: [First name]}
                """);
        assertThatThrownBy(() -> FormMappings.load(dir.toUri().toString()))
                .isInstanceOfSatisfying(InvalidFormMappingsException.class, e -> assertThat(e.problems())
                        .singleElement().asString().contains("typed-as 'paragraph' is not a type"));
    }
}
