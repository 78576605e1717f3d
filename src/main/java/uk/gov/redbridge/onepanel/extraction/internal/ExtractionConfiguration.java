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

    @Bean(destroyMethod = "close")
    ExtractionEngine extractionEngine(ExtractionSettings settings, Clock clock) {
        return Engines.create(settings, clock);
    }

    /** {@code /actuator/health/parsers}. */
    @Bean
    ParsersHealth parsersHealthIndicator(ExtractionEngine engine) {
        return new ParsersHealth(engine);
    }
}
