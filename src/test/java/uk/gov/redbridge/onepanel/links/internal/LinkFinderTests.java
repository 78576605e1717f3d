package uk.gov.redbridge.onepanel.links.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The matcher against the database: idempotent, both directions stored once, what the secretariat decided kept; a
 * link nobody decided on goes with its evidence; a rejected link comes back only with evidence it did not have; a
 * common name without a date of birth suggests nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
class LinkFinderTests {

    @Autowired
    LinkFinder finder;
    @Autowired
    LinkRepository repository;
    @Autowired
    LinkDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    static FilledForm form(Map<String, String> values) {
        List<ExtractedField> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add(new ExtractedField(k, v, v, 1.0, null, List.of())));
        return new FilledForm("appendix-e-v1", fields);
    }

    static Map<String, String> subject(String first, String last, String born) {
        return born == null ? Map.of("subject.first_name", first, "subject.last_name", last)
                : Map.of("subject.first_name", first, "subject.last_name", last, "subject.date_of_birth", born);
    }

    @Test
    void matchingTwiceChangesNothingAndALinkIsStoredOnceForBothReferrals() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        finder.match(a, form(subject("Imogen", "Quarrie", "1990-01-15")));
        LinkFinder.Outcome first = finder.match(b, form(subject("Immy", "Quarrie", "1990-01-15")));
        LinkFinder.Outcome again = finder.match(b, form(subject("Immy", "Quarrie", "1990-01-15")));
        finder.match(a, form(subject("Imogen", "Quarrie", "1990-01-15")));

        assertThat(first.links()).isEqualTo(1);
        assertThat(first.added()).isEqualTo(1);
        assertThat(again.added()).isZero();
        assertThat(repository.linksOf(a)).singleElement().satisfies(l -> {
            assertThat(l.involves(b)).isTrue();
            assertThat(l.evidence()).contains(Evidence.NAME_AND_DATE_OF_BIRTH);
        });
        assertThat(repository.linksOf(b)).hasSize(1);
    }

    @Test
    void aLinkNobodyDecidedOnGoesWhenTheFieldIsCorrectedAConfirmedOneStays() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        finder.match(a, form(subject("Rowan", "Tillery", "1975-06-06")));
        finder.match(b, form(subject("Rowan", "Tillery", "1975-06-06")));
        finder.match(c, form(subject("Rowan", "Tillery", "1975-06-06")));
        StoredLink ac = repository.linksOf(c).stream().filter(l -> l.involves(a)).findFirst().orElseThrow();
        decisions.decide(ac.id(), LinkState.CONFIRMED, "known to both", "jo", ref(1), ref(2));

        // the secretariat corrects c's date of birth: the unchecked link to b goes, the confirmed one to a stays
        LinkFinder.Outcome corrected = finder.match(c, form(subject("Rowan", "Tillery", "1975-06-16")));

        assertThat(corrected.removed()).isEqualTo(1);
        assertThat(repository.linksOf(c)).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(ac.id());
            assertThat(l.state()).isEqualTo(LinkState.CONFIRMED);
            assertThat(l.current()).isFalse();
        });
    }

    @Test
    void aRejectedLinkComesBackOnlyWithEvidenceItDidNotHave() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        finder.match(a, form(subject("Ottoline", "Varga", "1966-12-01")));
        finder.match(b, form(subject("Ottoline", "Varga", "1966-12-01")));
        StoredLink link = repository.linksOf(a).get(0);
        decisions.decide(link.id(), LinkState.REJECTED, "two different women", "jo", ref(3), ref(4));

        finder.match(b, form(subject("OTTOLINE", "VARGA", "1966-12-01")));
        finder.match(a, form(subject("Ottoline", "Varga", "1966-12-01")));
        assertThat(repository.find(link.id())).get().extracting(StoredLink::state).isEqualTo(LinkState.REJECTED);

        // the same NHS number on both forms: evidence the rejection did not weigh
        Map<String, String> withNhs = new java.util.HashMap<>(subject("Ottoline", "Varga", "1966-12-01"));
        withNhs.put("subject.nhs_number", "9990000018");
        finder.match(a, form(withNhs));
        finder.match(b, form(withNhs));
        assertThat(repository.find(link.id())).get().satisfies(l -> {
            assertThat(l.state()).isEqualTo(LinkState.FOUND);
            assertThat(l.evidence()).contains(Evidence.NHS_NUMBER);
        });
    }

    @Test
    void aCommonNameWithoutADateOfBirthSuggestsNothing() {
        for (int i = 0; i < 25; i++) {
            finder.match(UUID.randomUUID(), form(subject("Mohammed", "Begumhussain", null)));
        }
        LinkFinder.Outcome outcome = finder.match(UUID.randomUUID(), form(subject("Mohammed", "Begumhussain",
                null)));
        assertThat(outcome.suggestions()).isZero();
        assertThat(outcome.links()).isZero();

        UUID x = UUID.randomUUID();
        finder.match(x, form(subject("Perpetua", "Oyelaran", null)));
        LinkFinder.Outcome rare = finder.match(UUID.randomUUID(), form(subject("Perpetua", "Oyelaran", "1950-02-02")));
        assertThat(rare.suggestions()).isEqualTo(1);
        assertThat(rare.links()).isZero();
    }

    private static ReferralReference ref(int n) {
        return ReferralReference.parse("OP-2026-" + String.format("%04d", 9000 + n));
    }
}
