package uk.gov.redbridge.onepanel.meetings;

import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.agencies.Sector;

/**
 * Whether the panel is quorate: every sector the directory requires is represented by at least one person of a
 * voting agency of that sector.
 *
 * @param agencies the agencies represented, in directory order
 * @param missing  the required sectors nobody represents
 */
public record Quorum(boolean quorate, List<String> agencies, Set<Sector> represented, Set<Sector> missing) {

    public String describe() {
        if (quorate) {
            return "Quorate: " + agencies.size() + " agencies represented (" + String.join(", ", agencies) + ")";
        }
        return "Not quorate: no one for " + String.join(", ", missing.stream().map(Sector::label).toList());
    }
}
