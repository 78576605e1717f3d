package uk.gov.redbridge.onepanel.links.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkKind;
import uk.gov.redbridge.onepanel.links.LinkStrength;
import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;
import uk.gov.redbridge.onepanel.links.internal.PersonComparison.Match;

/** The matching rules of docs/links.md, one by one (fictional people, NHS numbers from the 999 range). */
class MatchingRulesTests {

    static final LocalDate BORN = LocalDate.of(1988, 4, 12);
    static final MatchingRules RULES = MatchingRules.from(new LinksSettings(null, null, 20, null));

    static PersonProfile subject(String first, String last, LocalDate born) {
        return new PersonProfile("subject", null, List.of(Names.ofParts(first, last)), born, null, null, null);
    }

    static PersonProfile person(int index, String name, LocalDate born, String relationship) {
        return new PersonProfile("persons." + index, relationship, List.of(Names.ofWhole(name)), born, null, null,
                null);
    }

    static PersonProfile withHome(PersonProfile p, String address) {
        Addresses.Home home = Addresses.of(address);
        return new PersonProfile(p.slot(), p.relationship(), p.names(), p.dateOfBirth(), p.nhsNumber(),
                home.postcode(), home.premise());
    }

    static PersonProfile withNhs(PersonProfile p, String nhs) {
        return new PersonProfile(p.slot(), p.relationship(), p.names(), p.dateOfBirth(), NhsNumber.valid(nhs),
                p.postcode(), p.premise());
    }

    static Optional<Match> compare(PersonProfile a, PersonProfile b) {
        return RULES.comparison().compare(a, b);
    }

    @Test
    void nhsNumbersCountOnlyWithAValidModulus11CheckDigit() {
        assertThat(NhsNumber.valid("999 000 0018")).isEqualTo("9990000018");
        assertThat(NhsNumber.valid("999-000-0018")).isEqualTo("9990000018");
        assertThat(NhsNumber.valid("9990000017")).isNull();
        assertThat(NhsNumber.valid("943 476 5919")).isEqualTo("9434765919");
        assertThat(NhsNumber.valid("987 654 4321")).isNull();
        assertThat(NhsNumber.valid("Not known")).isNull();
    }

    @Test
    void namesAreFoldedAndReadInTheWaysFormsWriteThem() {
        assertThat(Names.ofWhole("OKAFOR Aisha")).isEqualTo(new PersonName(List.of("aisha"), List.of("okafor")));
        assertThat(Names.ofWhole("Okafor, Aisha Ngozi"))
                .isEqualTo(new PersonName(List.of("aisha", "ngozi"), List.of("okafor")));
        assertThat(Names.ofWhole("Mrs Zoë O'Brien-Smith"))
                .isEqualTo(new PersonName(List.of("zoe"), List.of("obrien", "smith")));
        assertThat(Names.ofWhole("M. Smith")).isEqualTo(new PersonName(List.of("m"), List.of("smith")));
        assertThat(Names.ofWhole("Not known").isEmpty()).isTrue();
        assertThat(Names.ofParts("Åsa", "Ødegård")).isEqualTo(new PersonName(List.of("asa"), List.of("odegard")));
    }

    @Test
    void anAddressIsItsPostcodeAndPremise() {
        assertThat(Addresses.of("Flat 9, 41 Tanners Lane, Barkingside IG6 1QE"))
                .isEqualTo(new Addresses.Home("IG61QE", "9/41"));
        assertThat(Addresses.of("41 Tanners Lane (flat 9), Barkingside, ig6 1qe"))
                .isEqualTo(new Addresses.Home("IG61QE", "9/41"));
        assertThat(Addresses.of("12 Cranbrook Rise, Ilford IG1 3QX")).isEqualTo(new Addresses.Home("IG13QX", "12"));
        assertThat(Addresses.of("12A Cranbrook Rise, Ilford, IG13QX")).isEqualTo(new Addresses.Home("IG13QX", "12a"));
        assertThat(Addresses.of("Rose Cottage, Vicarage Lane, Chigwell IG7 6AA"))
                .isEqualTo(new Addresses.Home("IG76AA", "rose cottage"));
        assertThat(Addresses.of("Not known")).isNull();
        assertThat(Addresses.of("No fixed abode, Ilford")).isNull();
        assertThat(Addresses.of("IG1 3QX")).isNull();
    }

    @Test
    void theSubjectNamedAsAMotherWithADifferentSpellingAndTheSameBirthDateIsNamedAsARelative() {
        Optional<Match> m = compare(subject("Aisha", "Mensah", BORN), person(0, "Ayesha Mensah", BORN, "Mother"));

        assertThat(m).get().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(LinkKind.NAMED_AS_RELATIVE);
            assertThat(x.strength()).isEqualTo(LinkStrength.MODERATE);
            assertThat(x.evidence()).containsExactly(Evidence.NAME_SPELT_DIFFERENTLY_AND_DATE_OF_BIRTH);
        });
    }

    @Test
    void theSameNameWithAnotherDateOfBirthIsNotTheSamePerson() {
        assertThat(compare(subject("Aisha", "Mensah", BORN), subject("Aisha", "Mensah", BORN.plusYears(30))))
                .isEmpty();
    }

    @Test
    void twinsWithTheSameSurnameAndBirthDateButOtherFirstNamesAreNotOnePerson() {
        assertThat(compare(subject("John", "Fairley", BORN), subject("Jane", "Fairley", BORN))).isEmpty();
        assertThat(compare(subject("Callum", "Fairley", BORN), subject("Connor", "Fairley", BORN))).isEmpty();
    }

    @Test
    void nicknamesAccentsHyphensInitialsAndSwappedNamesStillMatch() {
        assertThat(compare(subject("Bob", "Fairley", BORN), subject("Robert", "Fairley", BORN))).get()
                .satisfies(m -> assertThat(m.evidence()).containsExactlyInAnyOrder(
                        Evidence.NAME_AND_DATE_OF_BIRTH, Evidence.NICKNAME))
                .satisfies(m -> assertThat(m.strength()).isEqualTo(LinkStrength.STRONG));
        assertThat(compare(subject("Zoë", "Lefèvre", BORN), subject("ZOE", "LEFEVRE", BORN))).get()
                .satisfies(m -> assertThat(m.evidence()).containsExactly(Evidence.NAME_AND_DATE_OF_BIRTH));
        assertThat(compare(subject("Amara", "Obi-Fairley", BORN), person(1, "Amara Fairley", BORN, "Sister"))).get()
                .satisfies(m -> assertThat(m.strength()).isEqualTo(LinkStrength.STRONG));
        assertThat(compare(subject("Fairley", "Amara", BORN), subject("Amara", "Fairley", BORN))).get()
                .satisfies(m -> assertThat(m.evidence()).contains(Evidence.NAMES_SWAPPED));
        assertThat(compare(person(0, "A. Fairley", BORN, "Mother"), subject("Amara", "Fairley", BORN))).get()
                .satisfies(m -> assertThat(m.evidence()).containsExactly(Evidence.INITIAL_SURNAME_AND_DATE_OF_BIRTH))
                .satisfies(m -> assertThat(m.strength()).isEqualTo(LinkStrength.MODERATE));
    }

    @Test
    void aNameWithoutADateOfBirthIsOnlyASuggestionUnlessTheHomeIsTheSame() {
        Optional<Match> nameOnly = compare(subject("Amara", "Fairley", BORN), person(0, "Amara Fairley", null,
                "Aunt"));
        assertThat(nameOnly).get().satisfies(m -> {
            assertThat(m.strength()).isEqualTo(LinkStrength.WEAK);
            assertThat(m.strength().isLink()).isFalse();
            assertThat(m.evidence()).containsExactly(Evidence.NAME_ONLY);
        });
        String home = "14 Meads Lane, Seven Kings IG3 8PA";
        Optional<Match> nameAndHome = compare(withHome(subject("Amara", "Fairley", null), home),
                withHome(person(0, "Amara Fairley", null, "Aunt"), home));
        assertThat(nameAndHome).get().satisfies(m -> {
            assertThat(m.strength()).isEqualTo(LinkStrength.MODERATE);
            assertThat(m.evidence()).containsExactlyInAnyOrder(Evidence.NAME_AND_ADDRESS, Evidence.SAME_ADDRESS);
        });
        // spelt differently, without a date of birth: nothing at all
        assertThat(compare(subject("Aisha", "Mensah", null), subject("Ayesha", "Mensah", BORN))).isEmpty();
    }

    @Test
    void theNhsNumberDecidesUnlessTheDatesOfBirthDisagree() {
        PersonProfile a = withNhs(subject("Amara", "Fairley", BORN), "999 000 0018");
        assertThat(compare(a, withNhs(subject("Ama", "Fairley-Obi", null), "9990000018"))).get().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(LinkKind.SAME_PERSON);
            assertThat(m.strength()).isEqualTo(LinkStrength.STRONG);
            assertThat(m.evidence()).containsExactly(Evidence.NHS_NUMBER);
        });
        assertThat(compare(a, withNhs(subject("Amara", "Fairley", BORN.plusDays(3)), "9990000018"))).get()
                .satisfies(m -> assertThat(m.strength()).isEqualTo(LinkStrength.WEAK));
        // two different valid NHS numbers are two people, whatever the names say
        assertThat(compare(a, withNhs(subject("Amara", "Fairley", BORN), "9990000026"))).isEmpty();
    }

    @Test
    void peopleOfTheSameHomeAreOneHousehold() {
        String home = "Flat 9, 41 Tanners Lane, Barkingside IG6 1QE";
        assertThat(compare(withHome(subject("Amara", "Fairley", BORN), home),
                withHome(person(1, "Dean Ashdown", LocalDate.of(1980, 1, 1), "Lodger"), home))).get()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(LinkKind.SAME_HOUSEHOLD);
                    assertThat(m.evidence()).containsExactly(Evidence.SAME_ADDRESS);
                });
        assertThat(compare(withHome(subject("Amara", "Fairley", BORN), home),
                withHome(person(1, "Dean Ashdown", null, "Lodger"), "Flat 8, 41 Tanners Lane, IG6 1QE"))).isEmpty();
    }

    @Test
    void blockingKeysBringSpellingVariantsTogetherAndHoldNoName() {
        BlockingKeys keys = RULES.keys();
        Set<BlockingKeys.Key> aisha = keys.of(subject("Aisha", "Mensah", BORN));
        Set<BlockingKeys.Key> ayesha = keys.of(person(0, "Ayesha Mensah", BORN, "Mother"));
        Set<BlockingKeys.Key> otherBirth = keys.of(subject("Aisha", "Mensah", BORN.plusYears(30)));

        assertThat(aisha).anyMatch(ayesha::contains);
        assertThat(aisha.stream().filter(k -> k.kind() == BlockingKeys.BIRTH_AND_NAME))
                .noneMatch(otherBirth::contains);
        assertThat(aisha).allSatisfy(k -> assertThat(k.hash()).matches("[0-9a-f]{32}"));
    }
}
