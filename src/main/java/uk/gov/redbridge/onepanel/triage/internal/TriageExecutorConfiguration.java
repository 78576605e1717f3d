package uk.gov.redbridge.onepanel.triage.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import uk.gov.redbridge.onepanel.shared.StageSettings;
import uk.gov.redbridge.onepanel.shared.Watchdog;

/** Triage's own threads ({@code onepanel.stages.triage}): it never waits for intake's or anyone else's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StageSettings.class)
class TriageExecutorConfiguration {

    static final String EXECUTOR = "triageExecutor";
    static final String WATCHDOG = "triageWatchdog";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor triageExecutor(StageSettings stages) {
        return stages.triage().executor("triage");
    }

    /** Reading a message and running the rules runs on these threads, bounded in time. */
    @Bean(name = WATCHDOG, destroyMethod = "close")
    Watchdog triageWatchdog(StageSettings stages) {
        return stages.triage().watchdog("triage");
    }
}
