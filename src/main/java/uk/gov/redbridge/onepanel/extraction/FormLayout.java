package uk.gov.redbridge.onepanel.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fields of a referral form in form order, with their sections, printed labels and kinds: the one list of the
 * form's fields, built from its file in {@code form-mappings/}. Whoever shows, prints or exports a form's fields
 * takes them from here ({@link FormExtractor#layout()}).
 *
 * @param id       the mapping's id ({@code appendix-e-v1}), as {@link FilledForm#mappingId()}
 * @param sections the sections in form order
 */
public record FormLayout(String id, List<Section> sections) {

    public FormLayout {
        sections = List.copyOf(sections);
    }

    /**
     * A section of the form.
     *
     * @param key     {@code referral}, {@code subject}, {@code persons}, {@code involvement}, {@code referrer},
     *                {@code decision}
     * @param number  its number on the form, from 1
     * @param title   its printed title
     * @param repeats whether it lists people (persons): its fields' keys are then relative to a person
     *                ({@code name} for {@code persons.0.name}); see {@link #fieldsOf(int)}
     * @param items   for a repeating section, the kinds of item (next of kin, other relevant person) and their titles
     */
    public record Section(String key, int number, String title, boolean repeats, List<Item> items,
            List<Field> fields) {

        public Section {
            items = List.copyOf(items);
            fields = List.copyOf(fields);
        }

        /** The fields of the n-th person (from 0) of a repeating section, with their full keys. */
        public List<Field> fieldsOf(int person) {
            if (!repeats) {
                return fields;
            }
            return fields.stream().map(f -> new Field(key + "." + person + "." + f.key(), f.label(), f.kind(),
                    f.required())).toList();
        }

        /** The title of an item of a repeating section by its role ({@code next_of_kin}), else the last item's. */
        public String itemTitle(String role) {
            return items.stream().filter(i -> i.role().equals(role)).findFirst()
                    .or(() -> items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1)))
                    .map(Item::title).orElse(title);
        }
    }

    /** A kind of item of a repeating section: {@code next_of_kin} "Next of kin / nearest relative". */
    public record Item(String role, String title) {
    }

    /**
     * A field of the form.
     *
     * @param key      its canonical key ({@code subject.date_of_birth}; in a repeating section, relative:
     *                 {@code name}); an answer given in parts has one field a part
     *                 ({@code involvement.status.subject})
     * @param label    its printed label
     * @param kind     the kind of value it holds, as a person types it
     * @param required whether the form is incomplete without it
     */
    public record Field(String key, String label, FieldKind kind, boolean required) {
    }

    /** The section of this key. */
    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Every field of a form in form order, persons as many times as the form lists people (at least {@code
     * minPersons}).
     */
    public List<Field> fieldsFor(FilledForm form, int minPersons) {
        List<Field> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.repeats()) {
                for (int i = 0; i < Math.max(minPersons, form.personCount()); i++) {
                    out.addAll(s.fieldsOf(i));
                }
            } else {
                out.addAll(s.fields());
            }
        }
        return out;
    }

    /** A field by its canonical key ({@code persons.2.name} finds the persons' {@code name}). */
    public Optional<Field> field(String key) {
        return sections.stream().flatMap(s -> s.repeats() && key.startsWith(s.key() + ".")
                ? s.fieldsOf(person(key)).stream() : s.fields().stream())
                .filter(f -> f.key().equals(key)).findFirst();
    }

    /** Every key of the non-repeating sections, and each repeating section's keys for its first person. */
    public List<String> keys() {
        return sections.stream().flatMap(s -> s.repeats() ? s.fieldsOf(0).stream() : s.fields().stream())
                .map(Field::key).toList();
    }

    /** The fields named, in this order, with their labels: for a page or paper that shows some of the form. */
    public List<Field> only(String... keys) {
        return Stream.of(keys).map(k -> field(k).orElseThrow(() -> new IllegalArgumentException(
                "'" + k + "' is not a field of " + id))).toList();
    }

    private static int person(String key) {
        String[] parts = key.split("\\.");
        return parts.length > 2 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : 0;
    }
}
