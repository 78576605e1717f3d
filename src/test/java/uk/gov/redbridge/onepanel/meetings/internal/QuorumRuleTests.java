package uk.gov.redbridge.onepanel.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.agencies.Sector;
import uk.gov.redbridge.onepanel.meetings.Quorum;
import uk.gov.redbridge.onepanel.shared.Pathway;

class QuorumRuleTests {

    static final AgencyDirectory DIRECTORY = new AgencyDirectory(List.of(
            agency("NELFT", Sector.HEALTH, true), agency("BHRUT", Sector.HEALTH, true),
            agency("LBR-CSC", Sector.CHILDRENS_SOCIAL_CARE, true), agency("LBR-ASC", Sector.ADULTS_SOCIAL_CARE, true),
            agency("CSP", Sector.COMMUNITY_SAFETY, true), agency("MPS", Sector.POLICE, true),
            agency("GUEST-POLICE", Sector.POLICE, false)),
            EnumSet.of(Sector.HEALTH, Sector.CHILDRENS_SOCIAL_CARE, Sector.ADULTS_SOCIAL_CARE, Sector.COMMUNITY_SAFETY,
                    Sector.POLICE));

    @Test
    void everyRequiredSectorRepresentedIsQuorate() {
        Quorum q = QuorumRule.evaluate(DIRECTORY, List.of("NELFT", "LBR-CSC", "LBR-ASC", "CSP", "MPS"));
        assertThat(q.quorate()).isTrue();
        assertThat(q.missing()).isEmpty();
        assertThat(q.agencies()).containsExactly("NELFT", "LBR-CSC", "LBR-ASC", "CSP", "MPS");
    }

    @Test
    void withoutThePoliceItIsNotQuorateAndSaysWhy() {
        Quorum q = QuorumRule.evaluate(DIRECTORY, List.of("NELFT", "BHRUT", "LBR-CSC", "LBR-ASC", "CSP"));
        assertThat(q.quorate()).isFalse();
        assertThat(q.missing()).containsExactly(Sector.POLICE);
        assertThat(q.describe()).isEqualTo("Not quorate: no one for Police");
    }

    @Test
    void manyPeopleOfOneAgencyCountOnceAndAnAgencyWithoutAVoteDoesNotMakeQuorum() {
        Quorum q = QuorumRule.evaluate(DIRECTORY, List.of("NELFT", "NELFT", "nelft", "LBR-CSC", "LBR-ASC", "CSP",
                "GUEST-POLICE", "UNKNOWN"));
        assertThat(q.agencies()).containsExactly("NELFT", "LBR-CSC", "LBR-ASC", "CSP", "GUEST-POLICE");
        assertThat(q.quorate()).isFalse();
        assertThat(q.missing()).containsExactly(Sector.POLICE);
    }

    @Test
    void nobodyPresentMissesEverySector() {
        assertThat(QuorumRule.evaluate(DIRECTORY, List.of()).missing()).hasSize(5);
    }

    static Agency agency(String code, Sector sector, boolean voting) {
        String address = code.toLowerCase() + "@agency.example";
        return new Agency(code, code + " name", sector, Map.of(Pathway.ADULTS_SAR, List.of(address),
                Pathway.CHILDREN_CSPR, List.of(address), Pathway.DOMESTIC_HOMICIDE, List.of(address),
                Pathway.LEARNING_ONLY, List.of(address)), List.of("agency.example"), voting);
    }
}
