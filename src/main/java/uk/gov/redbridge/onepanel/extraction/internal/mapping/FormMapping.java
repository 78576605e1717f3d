package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.List;
import java.util.Map;

/**
 * What the service knows about one version of a referral form, as declared in a {@code form-mappings/*.yaml} file:
 * its sections, fields, label wordings, value types, and how to recognise it.
 *
 * @param id           the file name without extension, e.g. {@code appendix-e-v1}; recorded with every form read
 * @param title        a readable name
 * @param recognition  when a document counts as this form
 * @param placeholders template prompts that mean "not filled in" ("Click or tap here to enter text.")
 * @param boilerplate  guidance printed on the form, never part of an answer ("Please add others as required")
 * @param signOffs     words that end a referral typed into an email ("Kind regards")
 * @param abbreviations words written short in labels and what they stand for ("DOB" → "date of birth"), so that a
 *                     label written another way is still recognised
 * @param synonyms     words that mean in a label what the mapping's wordings say with another word ("connection" →
 *                     "relationship")
 * @param printed      how the service prints and offers the fields where not as the wordings it reads them by
 */
public record FormMapping(String id, String title, Recognition recognition, List<String> placeholders,
        List<String> boilerplate, List<String> signOffs, Map<String, String> abbreviations,
        Map<String, String> synonyms, List<MappingSection> sections, Printed printed) {

    public FormMapping {
        placeholders = List.copyOf(placeholders);
        boilerplate = List.copyOf(boilerplate);
        signOffs = List.copyOf(signOffs);
        abbreviations = abbreviations == null ? Map.of() : Map.copyOf(abbreviations);
        synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        sections = List.copyOf(sections);
        printed = printed == null ? new Printed(Map.of(), Map.of()) : printed;
    }

    /**
     * What the file says of printing and typing the fields, apart from reading them.
     *
     * @param titles  the printed title of a section ({@code persons}), an item ({@code persons.next_of_kin}) or a
     *                field ({@code referrer.phone}, {@code persons.date_of_birth}) where it is not its first heading
     *                or label
     * @param typedAs the type a person types a field as ({@code subject.address}: long text) where it is not its type
     */
    public record Printed(Map<String, String> titles, Map<String, ValueType> typedAs) {

        public Printed {
            titles = Map.copyOf(titles);
            typedAs = Map.copyOf(typedAs);
        }
    }

    /**
     * @param minFields    the fewest distinct fields with a value for a document to count as this form
     * @param minSections  the fewest sections those fields must come from
     * @param titlePhrases phrases of the form's title; one of them in the text makes recognition surer
     */
    public record Recognition(int minFields, int minSections, List<String> titlePhrases) {

        public Recognition {
            titlePhrases = List.copyOf(titlePhrases);
        }
    }

    /** Each word a label may use and the words of the mapping's wordings it counts as: abbreviations and synonyms. */
    public Map<String, String> wordEquivalents() {
        Map<String, String> all = new java.util.LinkedHashMap<>(synonyms);
        all.putAll(abbreviations);
        return all;
    }
}
