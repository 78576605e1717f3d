package uk.gov.redbridge.onepanel.shared;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.validation.annotation.Validated;

/**
 * {@code onepanel.stages.*}: the threads of each stage a message goes through after it is stored (docs/intake-stages.md).
 * Each stage has threads of its own, so that no stage waits for another's: triage keeps up with storing while intake
 * waits for the document parsers, and the outbox sends while both are busy. Intake has as many threads as there are
 * parser slots ({@code onepanel.extraction.isolation.workers}), so no thread sits parked waiting for a parser: the
 * messages wait instead, as queued tasks. A queue that is full refuses the task; the event stays in the publication
 * registry, which delivers it again later (nothing is lost, memory stays bounded).
 *
 * <p>Each module declares the executor of its stage from these settings ({@link Stage#executor}); its listeners name
 * it ({@code @Async("intakeExecutor")} beside {@code @ApplicationModuleListener}). Mailboxes are stored on their own
 * threads already (one per mailbox); every other listener runs on Spring's shared task executor.
 */
@ConfigurationProperties("onepanel.stages")
@Validated
public record StageSettings(
        @DefaultValue @Valid Stage triage,
        @DefaultValue @Valid Stage intake,
        @DefaultValue @Valid Outbox outbox) {

    /**
     * @param threads       how many messages the stage works on at once
     * @param queueCapacity how many may wait for a thread; beyond that they wait in the event publication registry
     */
    public record Stage(@DefaultValue("2") @Min(1) int threads, @DefaultValue("10000") @Min(1) int queueCapacity) {

        /** A fixed pool of {@code threads} named after the stage, with a bounded queue. */
        public ThreadPoolTaskExecutor executor(String stage) {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setThreadNamePrefix(stage + "-");
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
            executor.setQueueCapacity(queueCapacity);
            executor.setRejectedExecutionHandler(new Refusal(stage, queueCapacity));
            return executor;
        }
    }

    /**
     * The outbox's stage, with defaults of its own: one thread (a send claims its rows one by one) and a short queue
     * of wake-ups.
     */
    public record Outbox(@DefaultValue("1") @Min(1) int threads, @DefaultValue("16") @Min(1) int queueCapacity) {

        public Stage stage() {
            return new Stage(threads, queueCapacity);
        }
    }

    /** A full queue refuses the task, saying so: the caller (the event multicaster) leaves the event incomplete. */
    private record Refusal(String stage, int capacity) implements RejectedExecutionHandler {

        private static final Logger log = LoggerFactory.getLogger(StageSettings.class);

        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
            log.warn("The {} stage has {} messages waiting (its limit): this one is left to the event publication "
                    + "registry, which delivers it again later", stage, capacity);
            throw new RejectedExecutionException("the " + stage + " stage's queue is full");
        }
    }
}
