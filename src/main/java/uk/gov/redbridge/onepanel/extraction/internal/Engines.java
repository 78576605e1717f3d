package uk.gov.redbridge.onepanel.extraction.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.DocumentParser;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.InProcessParser;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.IsolatedParser;

/**
 * Builds an {@link ExtractionEngine} from settings: inside the service from the Spring environment, and without
 * Spring (the command line) from {@code onepanel.extraction.*} properties, bound and checked exactly as the service
 * binds them, defaults included.
 */
public final class Engines {

    private Engines() {
    }

    static ExtractionEngine create(ExtractionSettings settings, Clock clock) {
        FormMappings mappings = FormMappings.load(settings.mappingsLocation());
        DocumentParser parser = settings.isolation().enabled()
                ? new IsolatedParser(settings.readingLimits(), settings.workerOptions())
                : new InProcessParser(settings.readingLimits());
        return new ExtractionEngine(mappings, parser, clock, settings.reviewThreshold());
    }

    /**
     * An engine configured from {@code properties} (names as in application.yml, e.g.
     * {@code onepanel.extraction.isolation.workers}), then the JVM's system properties; defaults for the rest.
     */
    public static ExtractionEngine standalone(Map<String, String> properties) {
        return create(settings(properties), Clock.system(ZoneId.of("Europe/London")));
    }

    /** The settings {@link #standalone} binds: {@code properties}, then system properties, then the defaults. */
    static ExtractionSettings settings(Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>();
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("onepanel.")) {
                all.put(name, system.getProperty(name));
            }
        }
        all.putAll(properties);
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Binder binder = new Binder(new MapConfigurationPropertySource(all));
            return binder.bindOrCreate("onepanel.extraction", Bindable.of(ExtractionSettings.class),
                    new ValidationBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
                            new SpringValidatorAdapter(validation.getValidator())));
        }
    }
}
