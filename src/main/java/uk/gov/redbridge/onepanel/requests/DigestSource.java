package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;

/**
 * Lets a module that depends on this one add a section to the daily digest (the exceptions queue adds "exceptions
 * waiting"), without this module depending on it.
 */
public interface DigestSource {

    /** Lower comes first; this module's own sections use 10 to 50. */
    int order();

    /** The section for a digest covering {@code since} until {@code until}. */
    DigestSection section(Instant since, Instant until);
}
