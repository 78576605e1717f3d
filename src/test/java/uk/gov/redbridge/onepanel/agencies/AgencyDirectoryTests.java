package uk.gov.redbridge.onepanel.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.redbridge.onepanel.shared.Pathway.ADULTS_SAR;
import static uk.gov.redbridge.onepanel.shared.Pathway.CHILDREN_CSPR;
import static uk.gov.redbridge.onepanel.shared.Pathway.DOMESTIC_HOMICIDE;
import static uk.gov.redbridge.onepanel.shared.Pathway.LEARNING_ONLY;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.redbridge.onepanel.shared.Pathway;

class AgencyDirectoryTests {

    private static Map<Pathway, List<String>> everyPathway(String address) {
        return Map.of(ADULTS_SAR, List.of(address), CHILDREN_CSPR, List.of(address),
                DOMESTIC_HOMICIDE, List.of(address), LEARNING_ONLY, List.of(address));
    }

    private static final Agency NELFT = new Agency("NELFT", "NELFT", Sector.HEALTH,
            Map.of(ADULTS_SAR, List.of("safeguarding.adults@nelft.example"),
                    CHILDREN_CSPR, List.of("safeguarding.children@nelft.example"),
                    DOMESTIC_HOMICIDE, List.of("safeguarding.adults@nelft.example"),
                    LEARNING_ONLY, List.of("safeguarding.adults@nelft.example")),
            List.of("nelft.example", "nelft.nhs.uk", "nhs.net"), true);
    private static final Agency BHRUT = new Agency("BHRUT", "BHRUT", Sector.HEALTH,
            Map.of(ADULTS_SAR, List.of("safeguarding.adults@bhrut.example")),
            List.of("bhrut.example", "nhs.net"), true);
    private static final Agency POLICE = new Agency("MPS", "Metropolitan Police", Sector.POLICE,
            everyPathway("ea.partnerships@mps.example"), List.of("mps.example", "met.police.uk"), true);
    private static final Agency ADULTS = new Agency("LBR-ASC", "LB Redbridge Adult Social Care",
            Sector.ADULTS_SOCIAL_CARE, Map.of(ADULTS_SAR, List.of("Adults.Safeguarding@Redbridge.example ")),
            List.of("Redbridge.Example", "redbridge.gov.uk"), false, "London Borough of Redbridge",
            List.of("Head of Service, HASS"));
    private static final Agency HOUSING = new Agency("LBR-HOUSING", "LB Redbridge Housing Service", Sector.HOUSING,
            Map.of(ADULTS_SAR, List.of("housing.safeguarding@redbridge.example")),
            List.of("redbridge.example", "redbridge.gov.uk"), true);

    private final AgencyDirectory directory = new AgencyDirectory(List.of(NELFT, BHRUT, POLICE, ADULTS, HOUSING),
            EnumSet.of(Sector.HEALTH, Sector.POLICE));

    @Nested
    class Lookup {

        @Test
        void keepsTheConfiguredOrder() {
            assertThat(directory.all()).extracting(Agency::code)
                    .containsExactly("NELFT", "BHRUT", "MPS", "LBR-ASC", "LBR-HOUSING");
        }

        @Test
        void findsByCodeInAnyLetterCase() {
            assertThat(directory.byCode("NELFT")).contains(NELFT);
            assertThat(directory.byCode("lbr-asc")).contains(ADULTS);
            assertThat(directory.byCode("NOPE")).isEmpty();
            assertThat(directory.byCode(null)).isEmpty();
        }

        @Test
        void listsTheAgenciesReceivingRequestsOnAPathway() {
            assertThat(directory.receivingRequestsFor(ADULTS_SAR)).extracting(Agency::code)
                    .containsExactly("NELFT", "BHRUT", "MPS", "LBR-ASC", "LBR-HOUSING");
            assertThat(directory.receivingRequestsFor(CHILDREN_CSPR)).extracting(Agency::code)
                    .containsExactly("NELFT", "MPS");
            assertThat(NELFT.requestAddressesFor(CHILDREN_CSPR)).containsExactly("safeguarding.children@nelft.example");
            assertThat(BHRUT.requestAddressesFor(CHILDREN_CSPR)).isEmpty();
        }

        @Test
        void agencyNormalisesWhatItIsGiven() {
            assertThat(ADULTS.requestAddressesFor(ADULTS_SAR)).containsExactly("Adults.Safeguarding@Redbridge.example");
            assertThat(ADULTS.allowedDomains()).containsExactly("redbridge.example", "redbridge.gov.uk");
            assertThat(ADULTS.organisation()).isEqualTo("London Borough of Redbridge");
            assertThat(NELFT.organisation()).isEqualTo("NELFT");
            assertThat(NELFT.memberRoles()).isEmpty();
            assertThat(directory.quorumSectors()).containsExactlyInAnyOrder(Sector.HEALTH, Sector.POLICE);
        }
    }

    @Nested
    class Senders {

        @Test
        void anAgencysOwnRequestAddressIsTheMostSpecificMatch() {
            assertThat(directory.forSenderAddress("adults.safeguarding@redbridge.example")).contains(ADULTS);
            assertThat(directory.forSenderAddress("Housing Team <HOUSING.SAFEGUARDING@redbridge.example>"))
                    .contains(HOUSING);
        }

        @Test
        void aDomainOnlyOneAgencyUsesIdentifiesIt() {
            assertThat(directory.forSenderAddress("someone@nelft.example")).contains(NELFT);
            assertThat(directory.forSenderAddress("Someone@NELFT.NHS.UK")).contains(NELFT);
            assertThat(directory.forSenderAddress("someone@met.police.uk")).contains(POLICE);
        }

        @Test
        void aSubDomainCountsAsItsParent() {
            assertThat(directory.forSenderAddress("someone@mail.nelft.nhs.uk")).contains(NELFT);
            assertThat(directory.forSenderAddress("someone@east.met.police.uk.")).contains(POLICE);
        }

        @Test
        void theMostSpecificDomainWins() {
            // nelft.nhs.uk is more specific than nhs.net would be, and an agency allowing only a parent loses
            Agency nhsWide = new Agency("NHS", "Any NHS body", Sector.HEALTH, everyPathway("x@nhs.uk"),
                    List.of("nhs.uk"), true);
            AgencyDirectory withParent = new AgencyDirectory(List.of(nhsWide, NELFT), EnumSet.of(Sector.HEALTH));

            assertThat(withParent.forSenderAddress("someone@nelft.nhs.uk")).contains(NELFT);
            assertThat(withParent.forSenderAddress("someone@other.nhs.uk")).contains(nhsWide);
        }

        @Test
        void aDomainSharedByAgenciesOfTheSameSpecificityIdentifiesNone() {
            assertThat(directory.forSenderAddress("someone@nhs.net")).isEmpty();
            assertThat(directory.candidatesForSender("someone@nhs.net")).containsExactly(NELFT, BHRUT);
            assertThat(directory.forSenderAddress("someone@redbridge.gov.uk")).isEmpty();
            assertThat(directory.candidatesForSender("someone@redbridge.gov.uk")).containsExactly(ADULTS, HOUSING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"someone@evilnhs.net", "someone@nhs.net.attacker.example", "someone@gmail.com",
                "nhs.net", "@nhs.net", "someone@", ""})
        void anAddressOutsideEveryAllowedDomainIsNeitherAllowedNorMatched(String address) {
            assertThat(directory.isAllowedDomain(address)).isFalse();
            assertThat(directory.forSenderAddress(address)).isEmpty();
            assertThat(directory.candidatesForSender(address)).isEmpty();
        }

        @Test
        void allowedDomainsIncludeSubDomainsInAnyLetterCase() {
            assertThat(directory.isAllowedDomain("someone@nhs.net")).isTrue();
            assertThat(directory.isAllowedDomain("someone@Mail.NHS.net")).isTrue();
            assertThat(directory.isAllowedDomain("Name <someone@redbridge.gov.uk>")).isTrue();
            assertThat(directory.isAllowedDomain(null)).isFalse();
        }
    }

    @Nested
    class Validation {

        @Test
        void listsEveryProblemAtOnce() {
            Agency lowerCaseCode = new Agency("nelft", "NELFT", Sector.HEALTH,
                    Map.of(ADULTS_SAR, List.of("not an address")), List.of("nelft.example"), true);
            Agency duplicate1 = new Agency("DUP", "One", Sector.HOUSING,
                    Map.of(ADULTS_SAR, List.of("shared@dup.example")), List.of("dup.example"), true);
            Agency duplicate2 = new Agency("dup", "Two", Sector.HOUSING,
                    Map.of(ADULTS_SAR, List.of("shared@dup.example", "someone@elsewhere.example")),
                    List.of("dup.example", "bad_domain"), true);
            Agency noDomains = new Agency("NODOM", "No domains", Sector.LEGAL,
                    Map.of(ADULTS_SAR, List.of("x@nodom.example")), List.of(), false);

            assertThatThrownBy(() -> new AgencyDirectory(List.of(lowerCaseCode, duplicate1, duplicate2, noDomains),
                    Set.of(Sector.HEALTH, Sector.POLICE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("code 'nelft' must be")
                    .hasMessageContaining("'not an address' for ADULTS_SAR is not a well-formed email address")
                    .hasMessageContaining("code DUP is used by 2 agencies")
                    .hasMessageContaining("'shared@dup.example' belongs to both DUP and dup")
                    .hasMessageContaining("'someone@elsewhere.example' for ADULTS_SAR is outside the agency's allowed domains")
                    .hasMessageContaining("allowed domain 'bad_domain' is not a well-formed domain name")
                    .hasMessageContaining("agency NODOM: has no allowed domains")
                    .hasMessageContaining("no agency receives requests for pathway CHILDREN_CSPR")
                    .hasMessageContaining("no agency receives requests for pathway DOMESTIC_HOMICIDE")
                    .hasMessageContaining("no agency receives requests for pathway LEARNING_ONLY")
                    .hasMessageContaining("quorum needs POLICE but no voting member is in that sector")
                    .hasMessageStartingWith("The agency directory has 13 problems:");
        }

        @Test
        void aQuorumSectorNeedsAVotingMember() {
            Agency nonVotingPolice = new Agency("MPS", "Police", Sector.POLICE, everyPathway("x@mps.example"),
                    List.of("mps.example"), false);

            assertThatThrownBy(() -> new AgencyDirectory(List.of(nonVotingPolice), Set.of(Sector.POLICE)))
                    .hasMessageContaining("quorum needs POLICE");
            assertThatThrownBy(() -> new AgencyDirectory(List.of(POLICE), Set.of()))
                    .hasMessageContaining("no quorum sectors");
        }

        @ParameterizedTest
        @ValueSource(strings = {"N", "1NELFT", "NEL FT", "NELFT-", "A--B", "NEL_FT", "ABCDEFGHIJKLMNOPQ"})
        void refusesACodeThatCannotGoIntoASubjectTokenOrAnAddress(String code) {
            Agency agency = new Agency(code, "An agency", Sector.POLICE, everyPathway("x@mps.example"),
                    List.of("mps.example"), true);

            assertThatThrownBy(() -> new AgencyDirectory(List.of(agency), Set.of(Sector.POLICE)))
                    .hasMessageContaining("code '" + code + "' must be");
        }
    }
}
