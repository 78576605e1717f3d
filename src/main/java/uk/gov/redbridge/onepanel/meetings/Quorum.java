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
public record Quorum(boolean quorate, List<String> agencies, Set<Sector> represented, Set<Sector> missing,
        List<String> agencyNames) {

    public Quorum(boolean quorate, List<String> agencies, Set<Sector> represented, Set<Sector> missing) {
        this(quorate, agencies, represented, missing, agencies);
    }

    /** In words, agencies by name: what the recorded decision keeps. */
    public String describe() {
        if (quorate) {
            return "Quorate: " + agencies.size() + " agencies represented (" + String.join("; ", agencyNames) + ")";
        }
        return "Not quorate: no one for " + String.join(", ", missing.stream().map(Sector::label).toList());
    }
}
