package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.UnfinishedReferralWork;
import uk.gov.redbridge.onepanel.triage.Triage;

/**
 * The sweep of truth: finds the work the database shows unfinished, whatever the event registry says, and finishes
 * it. Stored messages with no triage verdict; referral messages with no intake outcome; referrals from intake with
 * no acknowledgement and no word on why; outbox rows caught mid-send (to UNCERTAIN, never resent by themselves);
 * reference numbers issued but never used (explained in the audit trail). Work younger than {@code grace}, or still
 * carried by a live event publication, is left to the events. What fails {@code max-attempts} sweeps in a row is
 * raised as an exception with the reason. Runs shortly after start-up and every {@code interval}, on one instance
 * at a time; counted in {@code onepanel.sweep.finished} and {@code onepanel.sweep.raised} (tag {@code kind}).
 */
@Component
class TruthSweep {

    private static final Logger log = LoggerFactory.getLogger(TruthSweep.class);
    private static final int BATCH = 100;

    static final String TRIAGE = "triage";
    static final String INTAKE = "intake";
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    static final String OUTBOX = "outbox";
    static final String REFERENCE = "reference";

    private final Triage triage;
    private final UnfinishedReferralWork intake;
    private final Correspondence correspondence;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SweepSettings settings;
    private final EventSettings events;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile SweepResult last;

    /** What one sweep found and did, per kind. */
    record SweepResult(Instant at, Map<String, Integer> finished, Map<String, Integer> raised, int failed) {

        int finishedTotal() {
            return finished.values().stream().mapToInt(Integer::intValue).sum();
        }

        int raisedTotal() {
            return raised.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    TruthSweep(Triage triage, UnfinishedReferralWork intake, Correspondence correspondence, JdbcClient jdbc,
            PlatformTransactionManager transactions, SweepSettings settings, EventSettings events, Clock clock,
            MeterRegistry meters) {
        this.triage = triage;
        this.intake = intake;
        this.correspondence = correspondence;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${onepanel.sweep.interval:PT1M}", initialDelayString = "${onepanel.sweep.initial-delay:PT15S}")
    @SchedulerLock(name = "truth-sweep", lockAtMostFor = "PT30M")
    void onSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The sweep of truth failed: {}", e.getClass().getSimpleName());
        }
    }

    SweepResult lastResult() {
        return last;
    }

    SweepResult sweep() {
        Instant before = clock.instant().minus(settings.grace());
        Map<String, Integer> finished = new ConcurrentHashMap<>();
        Map<String, Integer> raised = new ConcurrentHashMap<>();
        int[] failed = {0};
        for (InboundMessageId id : triage.undecided(before, BATCH)) {
            finish(TRIAGE, id.value().toString(), !carriedByLivePublication(id), () -> triage.decide(id),
                    why -> triage.setAside(id, why), finished, raised, failed);
        }
        for (InboundMessageId id : intake.referralMessagesWithoutOutcome(before, BATCH)) {
            finish(INTAKE, id.value().toString(), !carriedByLivePublication(id), () -> intake.finishIntake(id),
                    why -> intake.giveUpIntake(id, why), finished, raised, failed);
        }
        for (ReferralId id : intake.referralsWithoutAcknowledgement(before, BATCH)) {
            finish(ACKNOWLEDGEMENT, id.value().toString(), true, () -> intake.finishAcknowledgement(id),
                    why -> intake.giveUpAcknowledgement(id, why), finished, raised, failed);
        }
        add(finished, OUTBOX, correspondence.settleAbandonedSends());
        Integer explained = tx.execute(status -> intake.explainUnusedReferences(before));
        add(finished, REFERENCE, explained == null ? 0 : explained);
        finished.forEach((kind, n) -> meters.counter("onepanel.sweep.finished", "kind", kind).increment(n));
        raised.forEach((kind, n) -> meters.counter("onepanel.sweep.raised", "kind", kind).increment(n));
        SweepResult result = new SweepResult(clock.instant(), Map.copyOf(finished), Map.copyOf(raised), failed[0]);
        last = result;
        if (result.finishedTotal() > 0 || result.raisedTotal() > 0 || result.failed() > 0) {
            log.warn("Sweep of truth: finished {}, raised as exceptions {}, failed this time {}", finished, raised,
                    result.failed());
        }
        return result;
    }

    private void finish(String kind, String item, boolean ours, java.util.function.BooleanSupplier work,
            Predicate<String> giveUp, Map<String, Integer> finished, Map<String, Integer> raised, int[] failed) {
        if (!ours) {
            return;
        }
        try {
            Boolean done = tx.execute(status -> work.getAsBoolean());
            forget(kind, item);
            if (Boolean.TRUE.equals(done)) {
                add(finished, kind, 1);
                log.warn("Sweep of truth: {} {} was left unfinished; finished now", kind, item);
            }
        } catch (RuntimeException e) {
            failed[0]++;
            if (TransientFailures.isTransient(e)) {
                log.info("Sweep of truth: {} {} failed for a passing reason ({}); tried again next time", kind, item,
                        e.getClass().getSimpleName());
                return;
            }
            int attempts = recordFailure(kind, item, e);
            log.warn("Sweep of truth: {} {} could not be finished ({}), attempt {} of {}", kind, item,
                    e.getClass().getSimpleName(), attempts, settings.maxAttempts());
            if (attempts >= settings.maxAttempts()) {
                String why = "the service tried " + attempts + " times to finish it and failed each time ("
                        + e.getClass().getSimpleName() + ")";
                Boolean given = tx.execute(status -> giveUp.test(why));
                if (Boolean.TRUE.equals(given)) {
                    add(raised, kind, 1);
                }
                markGivenUp(kind, item);
            }
        }
    }

    /** Whether an incomplete publication that is not given up carries this message: the events will finish it. */
    private boolean carriedByLivePublication(InboundMessageId id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                        + "AND serialized_event LIKE :pattern "
                        + "AND (status <> 'FAILED' OR completion_attempts < :max)")
                .param("pattern", "%" + id.value() + "%").param("max", events.retry().maxAttempts())
                .query(Integer.class).single() > 0;
    }

    private int recordFailure(String kind, String item, RuntimeException e) {
        String error = e.getClass().getSimpleName();
        Integer attempts = tx.execute(status -> {
            var at = clock.instant().atOffset(ZoneOffset.UTC);
            int updated = jdbc.sql("UPDATE sweep_attempt SET attempts = attempts + 1, last_error = :error, "
                            + "last_at = :at WHERE kind = :kind AND item = :item")
                    .param("error", error).param("at", at).param("kind", kind).param("item", item).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO sweep_attempt (kind, item, attempts, last_error, last_at) "
                                + "VALUES (:kind, :item, 1, :error, :at)")
                        .param("kind", kind).param("item", item).param("error", error).param("at", at).update();
            }
            return jdbc.sql("SELECT attempts FROM sweep_attempt WHERE kind = :kind AND item = :item")
                    .param("kind", kind).param("item", item).query(Integer.class).single();
        });
        return attempts == null ? 1 : attempts;
    }

    private void forget(String kind, String item) {
        jdbc.sql("DELETE FROM sweep_attempt WHERE kind = :kind AND item = :item AND given_up_at IS NULL")
                .param("kind", kind).param("item", item).update();
    }

    private void markGivenUp(String kind, String item) {
        jdbc.sql("UPDATE sweep_attempt SET given_up_at = :at WHERE kind = :kind AND item = :item")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("kind", kind).param("item", item)
                .update();
    }

    /** Work raised as an exception since a moment (for health). */
    List<Instant> givenUpSince(Instant since) {
        return jdbc.sql("SELECT given_up_at FROM sweep_attempt WHERE given_up_at >= :since ORDER BY given_up_at")
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
    }

    private static void add(Map<String, Integer> counts, String kind, int n) {
        if (n > 0) {
            counts.merge(kind, n, Integer::sum);
        }
    }

}
