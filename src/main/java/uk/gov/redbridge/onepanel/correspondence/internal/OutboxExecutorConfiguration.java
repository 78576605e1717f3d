package uk.gov.redbridge.onepanel.correspondence.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import uk.gov.redbridge.onepanel.shared.StageSettings;

/**
 * The outbox's own thread ({@code onepanel.stages.outbox}): mail is sent while intake and triage are busy. One thread
 * is enough, since a send claims its rows one by one; a wake-up that finds the queue full is dropped, the sending
 * already under way picking the new rows up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StageSettings.class)
class OutboxExecutorConfiguration {

    static final String EXECUTOR = "outboxExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor outboxExecutor(StageSettings stages) {
        ThreadPoolTaskExecutor executor = stages.outbox().stage().executor("outbox");
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        return executor;
    }
}
