package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one form-mappings YAML file into a {@link FormMapping}, collecting every problem (unknown property, missing
 * label, unknown type, duplicate key...) rather than stopping at the first, so that whoever edits the file sees them
 * all at once.
 */
final class FormMappingParser {

    static final Set<String> SECTIONS = Set.of("referral", "subject", "persons", "involvement", "referrer", "decision");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, ValueType> typedAs = new LinkedHashMap<>();

    private FormMappingParser(String file) {
        this.file = file;
    }

    /** The mapping, or null with the problems added to {@code out}. */
    static FormMapping parse(String file, String yamlText, List<String> out) {
        FormMappingParser parser = new FormMappingParser(file);
        FormMapping mapping = parser.parse(yamlText);
        out.addAll(parser.problems);
        return parser.problems.isEmpty() ? mapping : null;
    }

    private FormMapping parse(String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(2 * 1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            problem("is not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problem("is not valid YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof Map<?, ?> map)) {
            problem("must hold a mapping with id, recognition and sections");
            return null;
        }
        String expectedId = file.replaceFirst("\\.ya?ml$", "");
        known(map, "", "id", "title", "recognition", "placeholders", "boilerplate", "sign-offs", "abbreviations",
                "synonyms", "sections");
        String id = string(map, "id", "", false);
        if (id == null) {
            id = expectedId;
        } else if (!id.equals(expectedId)) {
            problem("id '" + id + "' must be the file name without extension ('" + expectedId + "')");
        }
        String title = string(map, "title", "", false);
        FormMapping.Recognition recognition = recognition(map.get("recognition"));
        List<MappingSection> sections = new ArrayList<>();
        Object rawSections = map.get("sections");
        if (!(rawSections instanceof List<?> list) || list.isEmpty()) {
            problem("needs a non-empty list 'sections'");
        } else {
            for (int i = 0; i < list.size(); i++) {
                MappingSection s = section(list.get(i), "sections[" + (i + 1) + "]");
                if (s != null) {
                    sections.add(s);
                }
            }
        }
        checkUniqueKeys(sections);
        return new FormMapping(id, title == null ? id : title, recognition,
                strings(map, "placeholders", "", false), strings(map, "boilerplate", "", false),
                strings(map, "sign-offs", "", false), wordMap(map.get("abbreviations"), "abbreviations"),
                wordMap(map.get("synonyms"), "synonyms"), sections, new FormMapping.Printed(titles, typedAs));
    }

    /** "abbreviations: {DOB: date of birth, ...}", "synonyms: {...}": one word, the words it stands for. */
    private Map<String, String> wordMap(Object raw, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problem("'" + name + "' must map a word to the words it stands for");
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String word = String.valueOf(e.getKey()).trim();
            Object value = e.getValue();
            if (word.isEmpty() || word.contains(" ") || value == null || value instanceof Map || value instanceof List
                    || String.valueOf(value).isBlank()) {
                problem(name + ": '" + word + "' must be one word standing for some words");
            } else {
                out.put(word, String.valueOf(value).trim());
            }
        }
        return out;
    }

    private FormMapping.Recognition recognition(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            problem("needs 'recognition' with min-fields, min-sections and title-phrases");
            return new FormMapping.Recognition(1, 1, List.of());
        }
        known(map, "recognition", "min-fields", "min-sections", "title-phrases");
        int minFields = integer(map, "min-fields", "recognition", 1);
        int minSections = integer(map, "min-sections", "recognition", 1);
        return new FormMapping.Recognition(minFields, minSections, strings(map, "title-phrases", "recognition", false));
    }

    private MappingSection section(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            problem(where + " must be a mapping");
            return null;
        }
        known(map, where, "key", "title", "headings", "repeats", "items", "first-role", "role", "parts",
                "default-part", "fields");
        String key = string(map, "key", where, true);
        if (key != null && !SECTIONS.contains(key)) {
            problem(where + " key '" + key + "' is not a section of the canonical form " + SECTIONS);
        }
        where = key == null ? where : "section '" + key + "'";
        title(map, key, where);
        boolean repeats = Boolean.TRUE.equals(map.get("repeats"));
        List<MappingSection.Item> items = new ArrayList<>();
        if (map.get("items") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> item) {
                    known(item, where + " item", "role", "title", "headings");
                    String role = string(item, "role", where + " item", true);
                    title(item, role == null ? null : key + "." + role, where + " item");
                    items.add(new MappingSection.Item(role == null ? "" : role,
                            strings(item, "headings", where + " item", true)));
                } else {
                    problem(where + " items must be mappings with role and headings");
                }
            }
        }
        Map<String, List<String>> parts = new LinkedHashMap<>();
        if (map.get("parts") instanceof Map<?, ?> rawParts) {
            for (Map.Entry<?, ?> e : rawParts.entrySet()) {
                parts.put(String.valueOf(e.getKey()), strings(rawParts, String.valueOf(e.getKey()), where + " parts",
                        true));
            }
        } else if (map.get("parts") != null) {
            problem(where + " parts must map a key suffix to its labels");
        }
        String defaultPart = string(map, "default-part", where, false);
        if (defaultPart != null && !parts.containsKey(defaultPart)) {
            problem(where + " default-part '" + defaultPart + "' is not one of its parts");
        }
        List<FieldSpec> fields = new ArrayList<>();
        if (!(map.get("fields") instanceof List<?> rawFields) || rawFields.isEmpty()) {
            problem(where + " needs a non-empty list 'fields'");
        } else {
            for (int i = 0; i < rawFields.size(); i++) {
                FieldSpec f = field(rawFields.get(i), where + " field " + (i + 1), key, repeats, !parts.isEmpty());
                if (f != null) {
                    fields.add(f);
                }
            }
        }
        return new MappingSection(key == null ? "" : key, strings(map, "headings", where, true), repeats, items,
                string(map, "first-role", where, false), string(map, "role", where, false), parts,
                defaultPart == null && !parts.isEmpty() ? parts.keySet().iterator().next() : defaultPart, fields);
    }

    private FieldSpec field(Object raw, String where, String section, boolean repeats, boolean sectionHasParts) {
        if (!(raw instanceof Map<?, ?> map)) {
            problem(where + " must be a mapping");
            return null;
        }
        known(map, where, "key", "type", "typed-as", "title", "required", "labels", "parts", "into");
        String key = string(map, "key", where, true);
        if (key != null) {
            where = "field '" + key + "'";
            if (!KEY.matcher(key).matches()) {
                problem(where + " key must be lower-case words joined by dots");
            } else if (repeats && key.contains(".")) {
                problem(where + " is in a repeating section: its key is relative to an item (e.g. 'name')");
            } else if (!repeats && section != null && !key.startsWith(section + ".")) {
                problem(where + " key must start with its section '" + section + ".'");
            }
        }
        String typeName = string(map, "type", where, true);
        ValueType type = ValueType.fromCode(typeName);
        if (typeName != null && type == null) {
            problem(where + " type '" + typeName + "' is not one of date, nhs_number, age, text, long_text, yes_no,"
                    + " phone, email, contact, full_name");
        }
        String typedAsName = string(map, "typed-as", where, false);
        ValueType typedAsType = ValueType.fromCode(typedAsName);
        if (typedAsName != null && typedAsType == null) {
            problem(where + " typed-as '" + typedAsName + "' is not a type");
        } else if (typedAsType != null && key != null) {
            typedAs.put(fullKey(section, repeats, key), typedAsType);
        }
        title(map, key == null ? null : fullKey(section, repeats, key), where);
        boolean parts = Boolean.TRUE.equals(map.get("parts"));
        if (parts && !sectionHasParts) {
            problem(where + " has parts but its section declares none");
        }
        Map<String, String> into = new LinkedHashMap<>();
        if (map.get("into") instanceof Map<?, ?> rawInto) {
            rawInto.forEach((k, v) -> into.put(String.valueOf(k), String.valueOf(v)));
        }
        if (type == ValueType.CONTACT && !(into.containsKey("phone") && into.containsKey("email"))) {
            problem(where + " of type contact needs 'into' with phone and email keys");
        }
        if (type == ValueType.FULL_NAME && !(into.containsKey("first") && into.containsKey("last"))) {
            problem(where + " of type full_name needs 'into' with first and last keys");
        }
        return new FieldSpec(key == null ? "" : key, type == null ? ValueType.TEXT : type,
                Boolean.TRUE.equals(map.get("required")), strings(map, "labels", where, true), parts, into);
    }

    /** A field's key as {@link FormMapping.Printed} holds it: in a repeating section, {@code persons.name}. */
    private static String fullKey(String section, boolean repeats, String key) {
        return repeats ? section + "." + key : key;
    }

    private void title(Map<?, ?> map, String key, String where) {
        String title = string(map, "title", where, false);
        if (title != null && key != null) {
            titles.put(key, title);
        }
    }

    private void checkUniqueKeys(List<MappingSection> sections) {
        Set<String> seen = new LinkedHashSet<>();
        for (MappingSection s : sections) {
            for (FieldSpec f : s.fields()) {
                String k = s.repeats() ? s.key() + ".N." + f.key() : f.key();
                if (!seen.add(k)) {
                    problem("field '" + k + "' is declared twice");
                }
            }
        }
    }

    private void known(Map<?, ?> map, String where, String... names) {
        Set<String> allowed = Set.of(names);
        for (Object k : map.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                problem((where.isEmpty() ? "" : where + ": ") + "unknown property '" + k + "' (expected one of "
                        + String.join(", ", names) + ")");
            }
        }
    }

    private String string(Map<?, ?> map, String name, String where, boolean required) {
        Object v = map.get(name);
        if (v == null || String.valueOf(v).isBlank()) {
            if (required) {
                problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' is missing");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' must be a single value");
            return null;
        }
        return String.valueOf(v).trim();
    }

    private int integer(Map<?, ?> map, String name, String where, int fallback) {
        Object v = map.get(name);
        if (v instanceof Integer i && i >= 1) {
            return i;
        }
        problem(where + ": '" + name + "' must be a whole number of at least 1");
        return fallback;
    }

    private List<String> strings(Map<?, ?> map, String name, String where, boolean required) {
        Object v = map.get(name);
        if (v == null) {
            if (required) {
                problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' is missing");
            }
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o == null || o instanceof Map || o instanceof List || String.valueOf(o).isBlank()) {
                problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' holds an empty or nested entry");
            } else {
                out.add(String.valueOf(o).trim());
            }
        }
        if (required && out.isEmpty()) {
            problem((where.isEmpty() ? "" : where + ": ") + "'" + name + "' must not be empty");
        }
        return out;
    }

    private void problem(String text) {
        problems.add(file + ": " + text);
    }
}
