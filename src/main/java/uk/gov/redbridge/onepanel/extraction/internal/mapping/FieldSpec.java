package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a form mapping.
 *
 * @param key      the canonical dotted key; in a repeating section, the key inside one item ({@code name} for
 *                 {@code persons.N.name})
 * @param type     how the value is read and checked
 * @param required whether the form is incomplete without it
 * @param labels   the label wordings that introduce the value, official wording first
 * @param parts    whether the answer is given in parts (e.g. "Subject:" and "Others:") as the section declares
 * @param into     for {@link ValueType#CONTACT} ({@code phone}, {@code email}) and {@link ValueType#FULL_NAME}
 *                 ({@code first}, {@code last}): the keys the value is split into
 */
public record FieldSpec(String key, ValueType type, boolean required, List<String> labels, boolean parts,
        Map<String, String> into) {

    public FieldSpec {
        labels = List.copyOf(labels);
        into = into == null ? Map.of() : Map.copyOf(into);
    }

    /**
     * From the key and type only (equal specs have equal keys and types, so the contract with the record's
     * {@code equals} holds): specs are map keys while a form is located, and the record's own hash of every label
     * and part was 2 % of the service's CPU in a backlog (issue 14).
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(key) + Objects.hashCode(type);
    }
}
