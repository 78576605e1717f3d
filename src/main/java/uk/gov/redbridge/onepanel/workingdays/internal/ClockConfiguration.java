package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application. Tests may replace it with a clock of their own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockSettings.class)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock applicationClock(ClockSettings settings) {
        Clock system = Clock.system(ZoneId.of(settings.zone()));
        if (settings.offset().isZero()) {
            return system;
        }
        log.warn("The application clock runs {} ahead of real time (onepanel.clock.offset)", settings.offset());
        return Clock.offset(system, settings.offset());
    }
}
