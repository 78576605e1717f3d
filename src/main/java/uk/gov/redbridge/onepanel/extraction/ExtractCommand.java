package uk.gov.redbridge.onepanel.extraction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command line: {@code java -jar one-panel.jar extract FILE_OR_EML_OR_FOLDER... --out DIR}. Needs no database,
 * mail server or Spring context. Writes {@code DIR/<name without extension>.json} per input: the form in the
 * FIELDS.md shape with its {@code confidence}, {@code provenance} and {@code problems}, or
 * {@code {"exception": "<reason>: <explanation>"}}. Exit status 0 when every input produced a JSON file, 1 when an
 * input could not be read from disk, 2 for a usage error.
 */
public final class ExtractCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = """
            usage: extract FILE_OR_EML_OR_FOLDER... --out DIR
              Reads Appendix E referral forms from documents (.docx .doc .odt .pdf .rtf .html .txt, images) and
              emails (.eml), and writes DIR/<name without extension>.json for each input. A folder stands for the
              files in it. Settings: -Donepanel.extraction.<setting>=<value> (see docs/extraction.md).""";

    private ExtractCommand() {
    }

    public static int run(String... args) {
        quietLogging();
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path outDir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                outDir = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (args[i].startsWith("--")) {
                err.println("unknown option " + args[i]);
                err.println(USAGE);
                return 2;
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (outDir == null || inputs.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<Path> files = new ArrayList<>();
        boolean missing = false;
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                files.addAll(filesIn(p));
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println("not found: " + p);
                missing = true;
            }
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("cannot create the output folder " + outDir + ": " + e.getMessage());
            return 1;
        }
        List<Path> targets = targets(files, outDir);
        boolean failed = missing;
        try (FormExtractor extractor = FormExtractor.standalone(Map.of())) {
            int threads = Math.max(1, Integer.getInteger("onepanel.extraction.isolation.workers", 2));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Path target = targets.get(i);
                results.add(pool.submit(() -> extractOne(extractor, file, target)));
            }
            for (int i = 0; i < results.size(); i++) {
                try {
                    out.println(files.get(i).getFileName() + " -> " + targets.get(i).getFileName() + ": "
                            + results.get(i).get());
                } catch (Exception e) {
                    failed = true;
                    err.println(files.get(i).getFileName() + ": not written (" + rootMessage(e) + ")");
                }
            }
            pool.shutdown();
        }
        return failed ? 1 : 0;
    }

    private static String extractOne(FormExtractor extractor, Path file, Path target) throws IOException {
        byte[] content = Files.readAllBytes(file);
        boolean email = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
        ExtractionResult result = email ? extractor.extractFromEmail(content)
                : extractor.extract(file.getFileName().toString(), content);
        String json;
        String summary;
        if (result instanceof FormExtracted f) {
            json = f.form().toJson();
            long fields = f.form().fields().stream().filter(x -> !x.value().isBlank()).count();
            summary = "form " + f.form().mappingId() + ", " + fields + " fields, "
                    + f.form().needingReview(extractor.reviewThreshold()).size() + " to check";
        } else {
            ExtractionFailed failure = (ExtractionFailed) result;
            ObjectNode node = JSON.createObjectNode();
            node.put("exception", failure.describe());
            json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            summary = failure.describe();
        }
        Files.writeString(target, json + "\n", StandardCharsets.UTF_8);
        return summary;
    }

    /** DIR/name.json per input; when two inputs share a name, the later ones get their extension added. */
    private static List<Path> targets(List<Path> files, Path outDir) {
        List<Path> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot) : name;
            String candidate = base;
            if (!used.add(candidate)) {
                candidate = base + "-" + (dot > 0 ? name.substring(dot + 1) : "file");
                for (int n = 2; !used.add(candidate); n++) {
                    candidate = base + "-" + n;
                }
            }
            out.add(outDir.resolve(candidate + ".json"));
        }
        return out;
    }

    /** The documents in a folder (not its sub-folders), leaving out JSON files such as truth or earlier output. */
    private static List<Path> filesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && !n.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder contributes nothing; reported by the count
        }
        out.sort(null);
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /**
     * The command line has no Spring Boot logging set-up: without this, every library would print its debug
     * messages, some quoting documents.
     */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "extraction/command-line-logback.xml");
        }
    }
}
