package uk.gov.redbridge.onepanel.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Appendix E form as read: its fields under the canonical dotted keys of FIELDS.md, each with confidence and
 * provenance. {@link #toJson()} gives the canonical JSON document (FIELDS.md shape) with three more sections,
 * {@code "confidence"}, {@code "provenance"} and {@code "problems"}, keyed by dotted key; {@link #fromJson} reads it
 * back.
 *
 * @param mappingId the {@code form-mappings/} file that matched, e.g. {@code appendix-e-v1}
 */
public record FilledForm(String mappingId, List<ExtractedField> fields) {

    /** Keys whose value is a whole number in the canonical JSON. */
    private static final Pattern INTEGER_KEYS = Pattern.compile("subject\\.age");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FilledForm {
        fields = List.copyOf(fields);
    }

    public Optional<ExtractedField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The normalised value of a field, if present and not blank. */
    public Optional<String> value(String key) {
        return field(key).map(ExtractedField::value).filter(v -> !v.isBlank());
    }

    /** Fields below the confidence threshold or failing a check: what the secretariat should look at. */
    public List<ExtractedField> needingReview(double confidenceThreshold) {
        return fields.stream().filter(f -> f.confidence() < confidenceThreshold || !f.valid()).toList();
    }

    /** The number of persons listed in section 3 (persons.0 ... persons.n). */
    public int personCount() {
        // the highest number plus one, not how many numbers are used: when person 0's answers were all left blank
        // (or removed by a correction), person 1 must still be shown and printed, in its own place
        return fields.stream().map(ExtractedField::key).filter(k -> k.startsWith("persons."))
                .map(k -> k.split("\\.")[1]).filter(n -> n.chars().allMatch(Character::isDigit) && n.length() < 4)
                .mapToInt(Integer::parseInt).max().orElse(-1) + 1;
    }

    /** A copy with one field's value replaced (the secretariat's correction); confidence becomes 1. */
    public FilledForm corrected(String key, String newValue, String correctedBy) {
        List<ExtractedField> out = new ArrayList<>();
        boolean found = false;
        for (ExtractedField f : fields) {
            if (f.key().equals(key)) {
                found = true;
                if (newValue != null && !newValue.isBlank()) {
                    out.add(new ExtractedField(key, newValue, f.asWritten(), 1.0,
                            new Provenance(f.provenance() == null ? null : f.provenance().file(),
                                    f.provenance() == null ? null : f.provenance().page(),
                                    "corrected by " + correctedBy,
                                    f.provenance() == null ? null : f.provenance().label()),
                            List.of()));
                }
            } else {
                out.add(f);
            }
        }
        if (!found && newValue != null && !newValue.isBlank()) {
            out.add(new ExtractedField(key, newValue, null, 1.0,
                    new Provenance(null, null, "entered by " + correctedBy, null), List.of()));
        }
        return new FilledForm(mappingId, out);
    }

    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode());
    }

    public ObjectNode toJsonNode() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ObjectNode confidence = nodes.objectNode();
        ObjectNode provenance = nodes.objectNode();
        ObjectNode problems = nodes.objectNode();
        List<ExtractedField> ordered = new ArrayList<>(fields);
        // persons in form order: persons.0 before persons.1 ... before persons.10
        ordered.sort(Comparator.comparing(f -> sortKey(f.key())));
        for (ExtractedField f : ordered) {
            put(root, f.key(), f.value());
            confidence.put(f.key(), Math.round(f.confidence() * 1000) / 1000.0);
            if (f.provenance() != null) {
                ObjectNode p = nodes.objectNode();
                p.put("file", f.provenance().file());
                if (f.provenance().page() != null) {
                    p.put("page", f.provenance().page());
                }
                p.put("location", f.provenance().location());
                p.put("label", f.provenance().label());
                if (f.asWritten() != null) {
                    p.put("as_written", f.asWritten());
                }
                provenance.set(f.key(), p);
            }
            if (!f.problems().isEmpty()) {
                ArrayNode list = problems.putArray(f.key());
                f.problems().forEach(list::add);
            }
        }
        root.put("mapping", mappingId);
        root.set("confidence", confidence);
        root.set("provenance", provenance);
        root.set("problems", problems);
        return root;
    }

    public static FilledForm fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        Map<String, String> values = new LinkedHashMap<>();
        for (String section : List.of("referral", "subject", "persons", "involvement", "referrer", "decision")) {
            if (root.has(section)) {
                flatten(root.get(section), section, values);
            }
        }
        JsonNode confidence = root.path("confidence");
        JsonNode provenance = root.path("provenance");
        JsonNode problems = root.path("problems");
        List<ExtractedField> fields = new ArrayList<>();
        values.forEach((key, value) -> {
            JsonNode p = provenance.path(key);
            Provenance prov = p.isMissingNode() ? null : new Provenance(text(p, "file"),
                    p.has("page") ? p.get("page").asInt() : null, text(p, "location"), text(p, "label"));
            List<String> issues = new ArrayList<>();
            problems.path(key).forEach(n -> issues.add(n.asString()));
            fields.add(new ExtractedField(key, value, text(p, "as_written"),
                    confidence.has(key) ? confidence.get(key).asDouble() : 1.0, prov, issues));
        });
        return new FilledForm(root.path("mapping").asString(null), fields);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(e.getValue(), prefix + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), prefix + "." + i, out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asString());
        }
    }

    private static void put(ObjectNode root, String key, String value) {
        String[] parts = key.split("\\.");
        JsonNode current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            boolean nextIsIndex = INDEX.matcher(parts[i + 1]).matches();
            current = child(current, parts[i], nextIsIndex);
        }
        String last = parts[parts.length - 1];
        if (current instanceof ObjectNode object) {
            if (INTEGER_KEYS.matcher(key).matches() && value.matches("\\d{1,3}")) {
                object.put(last, Integer.parseInt(value));
            } else {
                object.put(last, value);
            }
        }
    }

    private static JsonNode child(JsonNode parent, String name, boolean array) {
        if (parent instanceof ArrayNode list) {
            int index = Integer.parseInt(name);
            while (list.size() <= index) {
                list.addObject();
            }
            return list.get(index);
        }
        ObjectNode object = (ObjectNode) parent;
        JsonNode existing = object.get(name);
        if (existing != null) {
            return existing;
        }
        return array ? object.putArray(name) : object.putObject(name);
    }

    private static String sortKey(String key) {
        // zero-pad indexes so that persons.10 sorts after persons.9
        StringBuilder sb = new StringBuilder();
        for (String part : key.split("\\.")) {
            sb.append(INDEX.matcher(part).matches() ? String.format("%04d", Integer.parseInt(part)) : part).append('.');
        }
        return sb.toString();
    }
}
