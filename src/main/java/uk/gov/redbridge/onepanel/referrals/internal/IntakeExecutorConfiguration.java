package uk.gov.redbridge.onepanel.referrals.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import uk.gov.redbridge.onepanel.shared.StageSettings;
import uk.gov.redbridge.onepanel.shared.Watchdog;

/**
 * Intake's own threads ({@code onepanel.stages.intake}), as many as there are document parsers: every intake reads
 * the message's documents, so more threads would only wait for a parser. Replies run here too, since a reply may
 * carry a document to read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StageSettings.class)
class IntakeExecutorConfiguration {

    static final String EXECUTOR = "intakeExecutor";
    static final String WATCHDOG = "intakeWatchdog";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor intakeExecutor(StageSettings stages) {
        return stages.intake().executor("intake");
    }

    /** Reading a referral email runs on these threads, bounded in time, while intake's thread waits for it. */
    @Bean(name = WATCHDOG, destroyMethod = "close")
    Watchdog intakeWatchdog(StageSettings stages) {
        return stages.intake().watchdog("intake");
    }
}
