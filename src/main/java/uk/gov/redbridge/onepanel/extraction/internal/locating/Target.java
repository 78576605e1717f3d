package uk.gov.redbridge.onepanel.extraction.internal.locating;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;

/**
 * A label waiting for its answer: the field it introduces, the key the answer goes to, how sure the match is.
 *
 * @param byWords the label was matched by its words, not as one of the mapping's wordings: its answer's shape is
 *                checked against the field before it is taken
 */
record Target(MappingSection section, FieldSpec field, String key, String label, Origin origin, double score,
        boolean byWords) {

    Target(MappingSection section, FieldSpec field, String key, String label, Origin origin, double score) {
        this(section, field, key, label, origin, score, false);
    }
}
