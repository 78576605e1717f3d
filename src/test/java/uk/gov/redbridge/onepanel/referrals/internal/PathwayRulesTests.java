package uk.gov.redbridge.onepanel.referrals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.shared.Pathway;

class PathwayRulesTests {

    private final PathwayRules rules = new PathwayRules(new ReferralsSettings(
            Map.of("rsab", Pathway.ADULTS_SAR, "rscp", Pathway.CHILDREN_CSPR),
            List.of("killed", "domestic homicide", "murder"), 18),
            name -> java.util.Optional.of(name.toUpperCase() + "@redbridge.gov.uk"));

    static FilledForm form(String... keyValues) {
        List<ExtractedField> fields = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.add(new ExtractedField(keyValues[i], keyValues[i + 1], keyValues[i + 1], 1.0, null, List.of()));
        }
        return new FilledForm("test", fields);
    }

    @Test
    void theMailboxDecidesWhenItHasAPathway() {
        var d = rules.decide("rscp", form("subject.age", "40"), LocalDate.of(2026, 3, 2));
        assertThat(d.pathway()).isEqualTo(Pathway.CHILDREN_CSPR);
        assertThat(d.reason()).contains("RSCP@redbridge.gov.uk").doesNotContain(" rscp ");
    }

    @Test
    void aChildByAgeOrDateOfBirth() {
        assertThat(rules.decide("onepanel", form("subject.age", "7"), LocalDate.of(2026, 3, 2)).pathway())
                .isEqualTo(Pathway.CHILDREN_CSPR);
        assertThat(rules.decide("onepanel", form("subject.date_of_birth", "2010-05-01",
                "referral.incident_date", "2026-02-01"), LocalDate.of(2026, 3, 2)).pathway())
                .isEqualTo(Pathway.CHILDREN_CSPR);
    }

    @Test
    void anAdultKilledByAPartnerIsDomesticHomicide() {
        var d = rules.decide("onepanel", form("subject.age", "29", "referral.reason",
                "Kim (29) was killed at home. Her partner has been charged."), LocalDate.of(2026, 3, 2));
        assertThat(d.pathway()).isEqualTo(Pathway.DOMESTIC_HOMICIDE);
        assertThat(d.reason()).contains("killed");
    }

    @Test
    void wordsMustBeWholeWords() {
        var d = rules.decide("onepanel", form("subject.age", "50", "referral.reason", "Skilled carer, self-neglect"),
                LocalDate.of(2026, 3, 2));
        assertThat(d.pathway()).isEqualTo(Pathway.ADULTS_SAR);
    }

    @Test
    void noAgeMeansAdultsByDefaultAndSaysSo() {
        var d = rules.decide("onepanel", form(), LocalDate.of(2026, 3, 2));
        assertThat(d.pathway()).isEqualTo(Pathway.ADULTS_SAR);
        assertThat(d.reason()).contains("no age");
    }

    @Test
    void requiredFields() {
        assertThat(RequiredFields.missing(form())).hasSize(4);
        assertThat(RequiredFields.missing(form("subject.last_name", "Doe", "subject.age", "40",
                "referral.reason", "r", "referrer.email", "a@nhs.net"))).isEmpty();
    }
}
