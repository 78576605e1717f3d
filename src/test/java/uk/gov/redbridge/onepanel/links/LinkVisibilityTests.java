package uk.gov.redbridge.onepanel.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.links.internal.LinksSettings;
import uk.gov.redbridge.onepanel.shared.Pathway;

/** A link shows only to a user who may see both referrals: the roles each pathway allows (onepanel.links.readers). */
class LinkVisibilityTests {

    static final LinkViewer READER = LinkViewer.ofAuthorities(List.of("ROLE_READONLY"));
    static final LinkViewer SECRETARIAT = LinkViewer.ofAuthorities(List.of("ROLE_SECRETARIAT"));

    @Test
    void byDefaultEveryRoleThatReadsThePagesAndTheApiSeesEveryPathway() {
        FamilyLinks links = new FamilyLinks(null, null, null, null, new LinksSettings(null, null, 20, null));
        for (Pathway p : Pathway.values()) {
            assertThat(links.maySee(READER, p)).isTrue();
            assertThat(links.maySee(new LinkViewer(Set.of("API")), p)).isTrue();
        }
        assertThat(links.maySee(new LinkViewer(Set.of()), Pathway.ADULTS_SAR)).isFalse();
    }

    @Test
    void aPathwayRestrictedToSomeRolesIsHiddenFromTheOthers() {
        FamilyLinks links = new FamilyLinks(null, null, null, null, new LinksSettings(null, null, 20,
                Map.of(Pathway.DOMESTIC_HOMICIDE, List.of("SECRETARIAT", "CHAIR"))));
        assertThat(links.maySee(READER, Pathway.DOMESTIC_HOMICIDE)).isFalse();
        assertThat(links.maySee(SECRETARIAT, Pathway.DOMESTIC_HOMICIDE)).isTrue();
        assertThat(links.maySee(READER, Pathway.CHILDREN_CSPR)).isTrue();
    }
}
