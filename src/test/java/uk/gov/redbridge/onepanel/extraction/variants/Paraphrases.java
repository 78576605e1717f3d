package uk.gov.redbridge.onepanel.extraction.variants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The label wordings staff write instead of Appendix E's (test resource {@code extraction/variants/paraphrases.yaml}),
 * split in two halves by position: the TUNE half (1st, 3rd, 5th... wording of each list) may be looked at while
 * developing the locator; the HELD_OUT half (2nd, 4th...) is only measured. None of them is in form-mappings/.
 */
public final class Paraphrases {

    /** Which half of every list to draw from. */
    public enum Split {
        TUNE, HELD_OUT;

        boolean holds(int index) {
            return (index % 2 == 0) == (this == TUNE);
        }
    }

    private static final Paraphrases ALL = load();

    private final Map<String, List<String>> fields;
    private final Map<String, List<String>> headings;
    private final Map<String, List<String>> persons;
    private final Map<String, List<String>> parts;

    private Paraphrases(Map<String, List<String>> fields, Map<String, List<String>> headings,
            Map<String, List<String>> persons, Map<String, List<String>> parts) {
        this.fields = fields;
        this.headings = headings;
        this.persons = persons;
        this.parts = parts;
    }

    public static Paraphrases all() {
        return ALL;
    }

    /** Wordings of a field's label ({@code subject.first_name}, {@code persons.name}) in one half. */
    public List<String> field(String key, Split split) {
        return half(fields, key, split);
    }

    public List<String> heading(String section, Split split) {
        return half(headings, section, split);
    }

    public List<String> person(String role, Split split) {
        return half(persons, role, split);
    }

    public List<String> part(String part, Split split) {
        return half(parts, part, split);
    }

    /** Every field key with paraphrases. */
    public java.util.Set<String> fieldKeys() {
        return fields.keySet();
    }

    private static List<String> half(Map<String, List<String>> from, String key, Split split) {
        List<String> all = from.get(key);
        if (all == null) {
            throw new IllegalArgumentException("no paraphrases for " + key);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (split.holds(i)) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Paraphrases load() {
        try (InputStream in = Paraphrases.class.getResourceAsStream("/extraction/variants/paraphrases.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new Paraphrases(lists(root.get("fields")), lists(root.get("headings")), lists(root.get("persons")),
                    lists(root.get("parts")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> lists(Object raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ((Map<String, Object>) raw).forEach((k, v) -> out.put(k, ((List<Object>) v).stream().map(String::valueOf)
                .toList()));
        return out;
    }
}
