package uk.gov.redbridge.onepanel.shared;

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
 * messages wait instead, as queued tasks. When a queue is full, the thread that hands the stage its work does the task
 * itself (back-pressure: storing slows to triage's pace, triage to intake's, and the backlog waits in the mailbox,
 * where it is safe, not in memory).
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

        /**
         * The watchdog of the stage's steps on untrusted input ({@link Watchdog}): one step thread for each of the
         * stage's threads, and room for {@link #WATCHDOG_ROOM} more (steps abandoned past their limit that ignore
         * their interrupt, and calls from outside the stage: the sweep, a retry from a web page). Never more.
         */
        public Watchdog watchdog(String stage) {
            return new Watchdog(stage + "-step", threads + WATCHDOG_ROOM);
        }
    }

    /** Step threads a stage's watchdog has beyond one per stage thread. */
    public static final int WATCHDOG_ROOM = 8;

    /**
     * The outbox's stage, with defaults of its own: two senders (each row is claimed before it is sent, so no row is
     * sent twice) and a short queue of wake-ups.
     */
    public record Outbox(@DefaultValue("2") @Min(1) int threads, @DefaultValue("16") @Min(1) int queueCapacity) {

        public Stage stage() {
            return new Stage(threads, queueCapacity);
        }
    }

    /**
     * A full queue: the thread handing over the task runs it itself ({@code CallerRunsPolicy}), saying so at most once
     * a minute. The producer is slowed to the stage's pace and no work is dropped: a refused task would leave its
     * event publication held by this instance, neither run nor redelivered until a restart.
     */
    private static final class Refusal implements RejectedExecutionHandler {

        private static final Logger log = LoggerFactory.getLogger(StageSettings.class);
        private static final long QUIET_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

        private final String stage;
        private final int capacity;
        private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();
        private final RejectedExecutionHandler callerRuns = new ThreadPoolExecutor.CallerRunsPolicy();

        Refusal(String stage, int capacity) {
            this.stage = stage;
            this.capacity = capacity;
        }

        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if ((last == 0 || now - last > QUIET_NANOS) && lastWarning.compareAndSet(last, now == 0 ? 1 : now)) {
                log.warn("The {} stage has {} messages waiting (its limit): the thread handing them over ({}) does "
                        + "the work itself meanwhile", stage, capacity, Thread.currentThread().getName());
            }
            // on an executor shut down (the service stopping) nothing runs: the event stays incomplete and is taken
            // over at the next start
            callerRuns.rejectedExecution(task, executor);
        }
    }
}
