package uk.gov.redbridge.onepanel.extraction;

import java.util.List;

/**
 * One field of the canonical form (see FIELDS.md).
 *
 * @param key        dotted canonical key: {@code subject.first_name}, {@code persons.1.name},
 *                   {@code involvement.status.others}
 * @param value      the normalised value (ISO date, ten-digit NHS number, whole years...), or the value as written
 *                   where it could not be normalised
 * @param asWritten  the text as it stood on the document
 * @param confidence 0 to 1
 * @param problems   validation failures in plain words (e.g. "NHS number fails the Modulus 11 check"); empty when
 *                   the value passed every check
 */
public record ExtractedField(String key, String value, String asWritten, double confidence, Provenance provenance,
        List<String> problems) {

    public ExtractedField {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
