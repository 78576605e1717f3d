package uk.gov.redbridge.onepanel.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Event publications that did not complete, on the real registry (Spring Modulith's JDBC event publication
 * repository on H2) with a listener of the test's own: a publication left RESUBMITTED by a process that died is
 * delivered again (Spring Modulith 2.0 leaves it for good); a live instance's work is never taken over while it runs;
 * the same event is never handled twice at once; a lock timeout is retried at once, in the same thread, not left to
 * the redelivery of failed publications. Short timings so that each case settles in seconds.
 */
@SpringBootTest(properties = {
        "onepanel.events.check-interval=PT1S",
        "onepanel.events.heartbeat=PT1S",
        "onepanel.events.abandoned-after=PT3S",
        "onepanel.events.retry.first=PT1S",
        "onepanel.events.transient-retry.first=PT0.05S"})
@ActiveProfiles("test")
@Import(EventRecoveryTests.Listeners.class)
class EventRecoveryTests {

    /** A test event: its listener does what the test set for its key. */
    record Probe(String key) {
    }

    enum Behaviour { SUCCEED, BLOCK, LOCK_TIMEOUT_TWICE }

    /** Proxied (the listener advisors): the test reaches its state through methods, not fields. */
    static class ProbeListener {

        final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
        final CountDownLatch release = new CountDownLatch(1);

        @ApplicationModuleListener
        void on(Probe probe) throws InterruptedException {
            int run = runs.computeIfAbsent(probe.key(), k -> new AtomicInteger()).incrementAndGet();
            int now = running.computeIfAbsent(probe.key(), k -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.computeIfAbsent(probe.key(), k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                switch (behaviour.getOrDefault(probe.key(), Behaviour.SUCCEED)) {
                    case BLOCK -> release.await(60, TimeUnit.SECONDS);
                    case LOCK_TIMEOUT_TWICE -> {
                        if (run <= 2) {
                            throw new CannotAcquireLockException("Timeout trying to lock table (test)");
                        }
                    }
                    default -> {
                    }
                }
            } finally {
                running.get(probe.key()).decrementAndGet();
            }
        }

        int runs(String key) {
            return runs.getOrDefault(key, new AtomicInteger()).get();
        }

        void behave(String key, Behaviour b) {
            behaviour.put(key, b);
        }

        int mostAtOnce(String key) {
            return mostAtOnce.getOrDefault(key, new AtomicInteger()).get();
        }

        void release() {
            release.countDown();
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }
    }

    @Autowired
    ProbeListener listener;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompletedPublicationsPurge purge;

    private void publish(String key) {
        tx.executeWithoutResult(s -> events.publishEvent(new Probe(key)));
    }

    private int incomplete(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE :k").param("k", "%" + key + "%").query(Integer.class).single();
    }

    private int completed(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL "
                + "AND serialized_event LIKE :k").param("k", "%" + key + "%").query(Integer.class).single();
    }

    @Test
    void aPublicationLeftResubmittedByAProcessThatDiedIsDeliveredAgain() {
        String key = "stranded-" + UUID.randomUUID();
        publish(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(key) == 1);
        // what two crashes in a row left behind: redelivered at a restart, marked RESUBMITTED, then the process died
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, status = 'RESUBMITTED', "
                        + "completion_attempts = 2, last_resubmission_date = :long_ago WHERE serialized_event LIKE :k")
                .param("long_ago", Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .param("k", "%" + key + "%").update();

        await().atMost(Duration.ofSeconds(60)).until(() -> completed(key) == 1);
        assertThat(listener.runs(key)).isEqualTo(2);
        assertThat(incomplete(key)).isZero();
    }

    @Test
    void aLiveInstancesWorkIsNotTakenOverWhileItRunsAndTheSameEventIsNeverHandledTwiceAtOnce() throws Exception {
        String key = "busy-" + UUID.randomUUID();
        listener.behave(key, Behaviour.BLOCK);
        publish(key);
        publish(key); // an equal event, a second publication: it must wait for the first
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.runs(key) >= 1);
        // longer than abandoned-after (3 s): a live instance keeps showing its work alive, so nobody takes it over
        Thread.sleep(7000);
        assertThat(listener.runs(key)).isEqualTo(1);
        listener.release();

        await().atMost(Duration.ofSeconds(60)).until(() -> completed(key) == 2);
        assertThat(listener.runs(key)).isEqualTo(2);
        assertThat(listener.mostAtOnce(key)).isEqualTo(1);
    }

    @Test
    void aLockTimeoutIsRetriedAtOnceInTheSameDeliveryNotLeftToTheRedelivery() {
        String key = "lock-" + UUID.randomUUID();
        listener.behave(key, Behaviour.LOCK_TIMEOUT_TWICE);
        publish(key);

        await().atMost(Duration.ofSeconds(30)).until(() -> completed(key) == 1);
        assertThat(listener.runs(key)).isEqualTo(3);
        // delivered once: the retries were the listener's own, not redeliveries of a failed publication
        int attempts = jdbc.sql("SELECT completion_attempts FROM event_publication WHERE serialized_event LIKE :k")
                .param("k", "%" + key + "%").query(Integer.class).single();
        assertThat(attempts).isEqualTo(1);
    }

    @Test
    void completedPublicationsAreDeletedAfterTheirKeepingTimeAndNothingElseIs() {
        String old = "done-long-ago-" + UUID.randomUUID();
        String recent = "done-today-" + UUID.randomUUID();
        publish(old);
        publish(recent);
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(old) == 1 && completed(recent) == 1);
        jdbc.sql("UPDATE event_publication SET completion_date = :then WHERE serialized_event LIKE :k")
                .param("then", Instant.now().minus(Duration.ofDays(8)).atOffset(ZoneOffset.UTC))
                .param("k", "%" + old + "%").update();

        purge.purge();

        assertThat(completed(old)).isZero();
        assertThat(completed(recent)).isEqualTo(1);
    }
}
