package uk.gov.redbridge.onepanel.meetings.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.agencies.Sector;
import uk.gov.redbridge.onepanel.meetings.Quorum;

/**
 * Quorum (terms of reference, section 2): the panel is quorate only when each sector the directory requires is
 * represented by at least one person of a voting agency of that sector. Counted over agencies, not people: two
 * people from one agency represent it once.
 */
final class QuorumRule {

    private QuorumRule() {
    }

    /** @param agenciesPresent the codes of the agencies of the people present (repeats allowed) */
    static Quorum evaluate(AgencyDirectory directory, Collection<String> agenciesPresent) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : agenciesPresent) {
            directory.byCode(code).ifPresent(a -> codes.add(a.code()));
        }
        List<String> ordered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<Sector> represented = EnumSet.noneOf(Sector.class);
        for (Agency a : directory.all()) {
            if (codes.contains(a.code())) {
                ordered.add(a.code());
                names.add(a.name());
                if (a.votingMember()) {
                    represented.add(a.sector());
                }
            }
        }
        Set<Sector> required = directory.quorumSectors();
        Set<Sector> missing = required.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(required);
        missing.removeAll(represented);
        return new Quorum(missing.isEmpty(), ordered, represented, missing, names);
    }
}
