package uk.gov.redbridge.onepanel.extraction.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The extraction engine of the service, from {@code onepanel.extraction.*}; the form mappings are checked here. Its
 * parsing workers start (in the background) when the engine is created, unless {@code isolation.prestart} is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractionSettings.class)
class ExtractionConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExtractionConfiguration.class);

    @Bean(destroyMethod = "close")
    ExtractionEngine extractionEngine(ExtractionSettings settings, Clock clock) {
        ExtractionEngine engine = Engines.create(settings, clock);
        if (settings.isolation().enabled() && settings.isolation().prestart()) {
            // in the background, once a worker is warm: start-up does not wait for it
            Thread warmUp = new Thread(() -> {
                try {
                    engine.warmUp();
                } catch (RuntimeException e) {
                    log.debug("Warm-up of extraction did not complete ({})", e.getClass().getSimpleName());
                }
            }, "extraction-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        return engine;
    }

    /** {@code /actuator/health/parsers}. */
    @Bean
    ParsersHealth parsersHealthIndicator(ExtractionEngine engine) {
        return new ParsersHealth(engine);
    }
}
