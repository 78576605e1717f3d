package uk.gov.redbridge.onepanel.extraction.internal.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The form mappings in use, loaded from {@code onepanel.extraction.mappings-location} (a folder of YAML files).
 * Every file is checked when the service starts; any problem stops the start with a list of all of them. When the
 * default folder {@code ./form-mappings/} does not exist (the jar run from another directory), the copy built into
 * the jar is used.
 */
public final class FormMappings {

    public static final String DEFAULT_LOCATION = "file:./form-mappings/";
    public static final String BUILT_IN_LOCATION = "classpath:form-mappings/";

    private static final Logger log = LoggerFactory.getLogger(FormMappings.class);

    private final List<FormMapping> mappings;

    private FormMappings(List<FormMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public List<FormMapping> all() {
        return mappings;
    }

    public static FormMappings load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = find(resolver, folder);
        if (files.isEmpty() && folder.equals(DEFAULT_LOCATION)) {
            log.info("No ./form-mappings/ folder here: using the form mappings built into the application");
            folder = BUILT_IN_LOCATION;
            files = find(resolver, "classpath*:form-mappings/");
        }
        if (files.isEmpty()) {
            throw new InvalidFormMappingsException(folder, List.of("no .yaml files found"));
        }
        List<String> problems = new ArrayList<>();
        List<FormMapping> mappings = new ArrayList<>();
        for (Resource file : files) {
            String name = file.getFilename();
            try (InputStream in = file.getInputStream()) {
                FormMapping m = FormMappingParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        problems);
                if (m != null) {
                    mappings.add(m);
                }
            } catch (IOException e) {
                problems.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormMappingsException(folder, problems);
        }
        return new FormMappings(mappings);
    }

    private static List<Resource> find(PathMatchingResourcePatternResolver resolver, String folder) {
        List<Resource> out = new ArrayList<>();
        for (String pattern : List.of(folder + "*.yaml", folder + "*.yml")) {
            try {
                for (Resource r : resolver.getResources(pattern)) {
                    if (r.exists() && r.isReadable() && r.getFilename() != null) {
                        out.add(r);
                    }
                }
            } catch (IOException e) {
                // a folder that does not exist: no files
            }
        }
        out.sort(Comparator.comparing(Resource::getFilename));
        return out;
    }
}
