package uk.gov.redbridge.onepanel.extraction.variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import uk.gov.redbridge.onepanel.extraction.variants.VariantGenerator.GeneratedForm;

/**
 * Writes generated forms as a corpus the shared scorer reads: {@code NAME.ext} beside {@code NAME.truth.json}
 * (FIELDS.md shape, the age a number), so that {@code java -jar ... extract DIR --out OUT} and
 * {@code ../shared/tools/score-extraction DIR OUT} reproduce the figures of docs/extraction.md.
 */
public final class GeneratedCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeneratedCorpus() {
    }

    public static void write(Path dir, List<GeneratedForm> forms) {
        try {
            Files.createDirectories(dir);
            for (GeneratedForm f : forms) {
                Files.write(dir.resolve(f.name() + "." + f.extension()), f.bytes());
                Files.writeString(dir.resolve(f.name() + ".truth.json"), truthJson(f.truth()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String truthJson(Map<String, String> truth) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i].equals("persons")) {
                    ArrayNode list = node.has("persons") ? (ArrayNode) node.get("persons") : node.putArray("persons");
                    int index = Integer.parseInt(parts[++i]);
                    while (list.size() <= index) {
                        list.addObject();
                    }
                    node = (ObjectNode) list.get(index);
                } else {
                    node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
                }
            }
            String last = parts[parts.length - 1];
            if (e.getKey().equals("subject.age")) {
                node.put(last, Integer.parseInt(e.getValue()));
            } else {
                node.put(last, e.getValue());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
