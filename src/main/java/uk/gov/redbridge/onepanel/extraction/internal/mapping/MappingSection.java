package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section of a form.
 *
 * @param key         the canonical key prefix ({@code subject}, {@code persons}...)
 * @param headings    the heading wordings that open the section (numbering such as "2." is ignored)
 * @param repeats     whether the section lists items (persons): its field keys are then relative to an item
 * @param items       for a repeating section, the headings that open an item and the role each gives
 * @param firstRole   the role of a first item that has no heading
 * @param role        the role of any other item that has no heading
 * @param parts       part labels inside an answer ("Subject:", "Others:"), by the key suffix they give
 * @param defaultPart the part an answer without part labels belongs to
 */
public record MappingSection(String key, List<String> headings, boolean repeats, List<Item> items, String firstRole,
        String role, Map<String, List<String>> parts, String defaultPart, List<FieldSpec> fields) {

    public MappingSection {
        headings = List.copyOf(headings);
        items = List.copyOf(items);
        // in the order the mapping declares them (Map.copyOf's order changes from one JVM to the next): the review
        // page, the papers and a part-less answer's default follow it
        parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        fields = List.copyOf(fields);
    }

    /** An item heading in a repeating section, e.g. "a. Next of kin" giving role {@code next_of_kin}. */
    public record Item(String role, List<String> headings) {

        public Item {
            headings = List.copyOf(headings);
        }
    }

    /**
     * From the key only (equal sections have equal keys, so the contract with the record's {@code equals} holds):
     * sections are parts of map keys while a form is located, and hashing every heading, item and field each time was
     * most of the 2 % that hashing cost in a backlog (issue 14).
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(key);
    }

    /** The canonical key of a field of this section, with the item index for repeating sections. */
    public String keyOf(FieldSpec field, int item) {
        return repeats ? key + "." + item + "." + field.key() : field.key();
    }
}
