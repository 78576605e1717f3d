package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.locating.Located;
import uk.gov.redbridge.onepanel.extraction.internal.locating.LocatedForm;
import uk.gov.redbridge.onepanel.extraction.internal.locating.Placement;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;

/** Values as written become the canonical values of FIELDS.md, checked; what fails a check is kept and flagged. */
class FieldNormaliserTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneId.of("Europe/London"));
    private final FormMapping mapping = FormMappings.load(FormMappings.DEFAULT_LOCATION).all().get(0);
    private final FieldNormaliser normaliser = new FieldNormaliser(CLOCK);
    private final List<Located> located = new ArrayList<>();

    @Test
    void datesAgesAndNhsNumbersAreNormalised() {
        add("subject.date_of_birth", "2nd May 1961");
        add("referral.incident_date", "27/2/26");
        add("subject.age", "64 yrs");
        add("subject.nhs_number", "999 001 2342");
        FilledForm form = normalise();
        assertThat(form.value("subject.date_of_birth")).contains("1961-05-02");
        assertThat(form.value("referral.incident_date")).contains("2026-02-27");
        assertThat(form.value("subject.age")).contains("64");
        assertThat(form.value("subject.nhs_number")).contains("9990012342");
        assertThat(form.field("subject.nhs_number").orElseThrow().asWritten()).isEqualTo("999 001 2342");
        assertThat(form.needingReview(0.8)).extracting(ExtractedField::key).doesNotContain("subject.date_of_birth",
                "referral.incident_date", "subject.age", "subject.nhs_number");
    }

    @Test
    void anNhsNumberFailingItsCheckDigitIsKeptAsWrittenAndFlagged() {
        add("subject.nhs_number", "999 001 2343");
        FilledForm form = normalise();
        ExtractedField nhs = form.field("subject.nhs_number").orElseThrow();
        assertThat(nhs.value()).isEqualTo("999 001 2343");
        assertThat(nhs.problems()).containsExactly("NHS number fails the Modulus 11 check");
        assertThat(form.needingReview(0.8)).contains(nhs);
    }

    @Test
    void anAgeThatDoesNotFitTheDateOfBirthIsFlaggedOnBoth() {
        add("subject.date_of_birth", "02/05/1961");
        add("referral.incident_date", "27/02/2026");
        add("subject.age", "46");
        FilledForm form = normalise();
        assertThat(form.field("subject.age").orElseThrow().problems()).contains("age does not match the date of birth");
        assertThat(form.field("subject.date_of_birth").orElseThrow().problems())
                .contains("age does not match the date of birth");
    }

    @Test
    void anAgeOneYearOutIsAcceptedForABirthdayCloseToTheDate() {
        add("subject.date_of_birth", "02/05/1961");
        add("referral.incident_date", "27/02/2026");
        add("subject.age", "65");
        assertThat(normalise().field("subject.age").orElseThrow().problems()).isEmpty();
    }

    @Test
    void placeholdersAreAnswersKeptAsWritten() {
        add("subject.date_of_birth", "Not known");
        add("subject.nhs_number", "N/A");
        add("subject.age", "Unknown");
        FilledForm form = normalise();
        assertThat(form.value("subject.date_of_birth")).contains("Not known");
        assertThat(form.value("subject.nhs_number")).contains("N/A");
        assertThat(form.value("subject.age")).contains("Unknown");
        for (String key : List.of("subject.date_of_birth", "subject.nhs_number", "subject.age")) {
            assertThat(form.field(key).orElseThrow().problems()).as(key).isEmpty();
        }
    }

    @Test
    void whatCannotBeReadAsItsTypeIsKeptAndFlagged() {
        add("subject.date_of_birth", "early 1961");
        add("subject.age", "about sixty");
        add("subject.nhs_number", "999 001");
        FilledForm form = normalise();
        assertThat(form.field("subject.date_of_birth").orElseThrow().problems())
                .containsExactly("not a date that can be read");
        assertThat(form.value("subject.date_of_birth")).contains("early 1961");
        assertThat(form.field("subject.age").orElseThrow().problems()).containsExactly("not an age in years");
        assertThat(form.field("subject.nhs_number").orElseThrow().problems())
                .containsExactly("NHS number is not ten digits");
    }

    @Test
    void aDateInTheFutureIsFlagged() {
        add("referral.incident_date", "27/02/2027");
        assertThat(normalise().field("referral.incident_date").orElseThrow().problems())
                .containsExactly("date is in the future");
    }

    @Test
    void theContactAnswerIsSplitIntoTelephoneAndEmailAndTheirShapesChecked() {
        add("referrer.contact", "Tel: 020 7946 0311 / p.okonjo@redbridge.gov.uk");
        FilledForm form = normalise();
        assertThat(form.value("referrer.phone")).contains("020 7946 0311");
        assertThat(form.value("referrer.email")).contains("p.okonjo@redbridge.gov.uk");
        assertThat(form.field("referrer.contact")).isEmpty();
        assertThat(form.field("referrer.phone").orElseThrow().provenance().label()).isEqualTo("referrer.contact");
        located.clear();
        add("referrer.phone", "call the office");
        assertThat(normalise().field("referrer.phone").orElseThrow().problems())
                .containsExactly("does not look like a UK telephone number");
    }

    @Test
    void separateTelephoneAndEmailAnswersWinOverTheSplitOne() {
        add("referrer.contact", "020 7946 0000 / old@redbridge.gov.uk");
        add("referrer.email", "p.okonjo@redbridge.gov.uk");
        FilledForm form = normalise();
        assertThat(form.value("referrer.email")).contains("p.okonjo@redbridge.gov.uk");
        assertThat(form.value("referrer.phone")).contains("020 7946 0000");
    }

    @Test
    void aFullNameIsSplitWhenTheFormAsksForOneName() {
        add("subject.name", "Mrs Dorothy Ann Fairweather");
        FilledForm form = normalise();
        assertThat(form.value("subject.first_name")).contains("Dorothy Ann");
        assertThat(form.value("subject.last_name")).contains("Fairweather");
        assertThat(form.field("subject.first_name").orElseThrow().confidence()).isLessThan(1.0);
    }

    @Test
    void aTickedBoxIsTheAnswer() {
        add("referrer.internal_review", "☐ Yes ☒ No");
        assertThat(normalise().value("referrer.internal_review")).contains("No");
    }

    @Test
    void requiredFieldsMissingFromTheFormAreListedForReview() {
        add("subject.first_name", "Dorothy");
        FilledForm form = normalise();
        ExtractedField surname = form.field("subject.last_name").orElseThrow();
        assertThat(surname.value()).isEmpty();
        assertThat(surname.problems()).containsExactly("required field not found on the form");
        assertThat(form.needingReview(0.8)).extracting(ExtractedField::key).contains("subject.last_name",
                "referral.reason", "referrer.name", "referrer.agency");
    }

    @Test
    void theCanonicalJsonReadsBackTheSame() {
        add("subject.first_name", "Dorothy");
        add("subject.age", "64");
        add("subject.nhs_number", "999 001 2343");
        located.add(new Located("persons.0.name", spec("persons", "name"), "Graham", "Name", Origin.onPage(1, "p"),
                0.9, Placement.RIGHT));
        FilledForm form = normalise();
        FilledForm back = FilledForm.fromJson(form.toJson());
        assertThat(back.fields()).containsExactlyInAnyOrderElementsOf(form.fields());
        assertThat(form.toJsonNode().get("subject").get("age").isInt()).isTrue();
    }

    private FilledForm normalise() {
        return normaliser.normalise(new LocatedForm(mapping, located, java.util.Set.of("subject"), true), "form.docx");
    }

    private void add(String key, String value) {
        String section = key.substring(0, key.indexOf('.'));
        located.add(new Located(key, spec(section, key), value, key, Origin.at("table 1, row 1, cell 2"), 1.0,
                Placement.RIGHT));
    }

    private FieldSpec spec(String section, String key) {
        for (MappingSection s : mapping.sections()) {
            if (s.key().equals(section)) {
                for (FieldSpec f : s.fields()) {
                    if (f.key().equals(key)) {
                        return f;
                    }
                }
            }
        }
        throw new IllegalArgumentException(key);
    }
}
