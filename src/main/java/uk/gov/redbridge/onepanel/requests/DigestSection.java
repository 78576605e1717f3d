package uk.gov.redbridge.onepanel.requests;

import java.util.List;

/**
 * One section of the secretariat's daily digest: a heading, a count and short lines. Counts, references, agency
 * codes and reason codes only: never names or other personal data.
 */
public record DigestSection(String heading, int count, List<String> lines) {

    public DigestSection {
        lines = List.copyOf(lines);
    }
}
