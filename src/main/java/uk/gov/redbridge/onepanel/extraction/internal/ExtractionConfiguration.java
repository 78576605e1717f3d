package uk.gov.redbridge.onepanel.extraction.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The extraction engine of the service, from {@code onepanel.extraction.*}; the form mappings are checked here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExtractionSettings.class)
class ExtractionConfiguration {

    @Bean(destroyMethod = "close")
    ExtractionEngine extractionEngine(ExtractionSettings settings, Clock clock) {
        return Engines.create(settings, clock);
    }
}
