package uk.gov.redbridge.onepanel.extraction.internal.locating;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;

/**
 * A value found for a field, before normalisation.
 *
 * @param key        the canonical key (persons numbered in document order, before blank persons are dropped)
 * @param value      the text as written; paragraphs separated by {@code '\n'}
 * @param label      the label as written on the document
 * @param origin     where the value stood
 * @param labelScore how well the label matched and how sure its section was, 0..1
 */
public record Located(String key, FieldSpec field, String value, String label, Origin origin, double labelScore,
        Placement placement) {

    public Located withKey(String newKey) {
        return new Located(newKey, field, value, label, origin, labelScore, placement);
    }
}
