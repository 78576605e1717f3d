package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Finishes event publications that did not complete, without trusting that their instance is still there:
 * <ol>
 * <li>a publication left {@code PUBLISHED}, {@code PROCESSING} or {@code RESUBMITTED} and not shown alive by its
 * instance for {@code abandoned-after} (see {@link InFlightPublications}) was held by a process that stopped: it is
 * marked {@code FAILED}, so that it is delivered again. On a single-instance database everything in flight at
 * start-up is such a publication, and is taken at once;</li>
 * <li>a {@code FAILED} publication is delivered again after a backoff counted from its last attempt (5 s, doubling
 * to 5 minutes); past {@code retry.max-attempts} it counts as stuck (health, dashboard) but is still tried every
 * 5 minutes, and the sweep of truth raises as an exception the referral work it leaves undone.</li>
 * </ol>
 * Redelivery goes through Spring Modulith, which claims each publication with a conditional update (one instance
 * wins); the ShedLock lock keeps two instances from doing this at the same time anyway. This replaces Modulith's
 * restart-time republication, which skips publications already {@code RESUBMITTED} and so stranded them for good
 * after a second crash (Spring Modulith 2.0.5, JDBC schema v2).
 */
@Component
class EventRecovery {

    private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final InFlightPublications held;
    private final EventSettings settings;
    private final Clock clock;
    private final Instant startedAt;
    private final Counter reclaimed;
    private final Counter redelivered;

    EventRecovery(JdbcClient jdbc, IncompleteEventPublications incomplete, InFlightPublications held,
            EventSettings settings, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.held = held;
        this.settings = settings;
        this.clock = clock;
        // before any listener of this instance can run: what is older was left by an earlier process
        this.startedAt = clock.instant();
        this.reclaimed = Counter.builder("onepanel.events.abandoned")
                .description("Event publications left unfinished by a stopped instance and taken over").register(meters);
        this.redelivered = Counter.builder("onepanel.events.redelivered")
                .description("Event publications delivered again after their listener failed").register(meters);
    }

    /** Not at the same time as the scheduled run (which may start first on a slow start-up). */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void atStartup() {
        try {
            if (settings.singleInstance()) {
                redeliverNow(reclaimAbandoned(startedAt));
            }
            redeliver(true);
        } catch (RuntimeException e) {
            log.warn("Recovering event publications at start-up failed: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${onepanel.events.check-interval:PT5S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "event-recovery", lockAtMostFor = "PT5M")
    synchronized void onSchedule() {
        try {
            redeliverNow(reclaimAbandoned(clock.instant().minus(settings.abandonedAfter())));
            redeliver(false);
        } catch (RuntimeException e) {
            log.warn("Recovering event publications failed: {}", e.getClass().getSimpleName());
        }
    }

    private record Row(UUID id, String status, String listener, String eventType, int attempts, Instant lastTry) {
    }

    /**
     * Marks FAILED the in-flight publications not shown alive since {@code before}; returns them (they did not
     * fail: they are delivered again at once, without a failure's backoff).
     */
    Set<UUID> reclaimAbandoned(Instant before) {
        OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
        List<Row> rows = jdbc.sql("SELECT id, status, listener_id, event_type, completion_attempts, "
                        + "COALESCE(last_resubmission_date, publication_date) AS last_try FROM event_publication "
                        + "WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED') "
                        + "AND COALESCE(last_resubmission_date, publication_date) < :before "
                        + "ORDER BY publication_date FETCH FIRST " + BATCH + " ROWS ONLY")
                .param("before", cutoff).query(EventRecovery::row).list();
        Set<UUID> taken = new HashSet<>();
        for (Row row : rows) {
            if (held.holds(row.id())) {
                continue;
            }
            int changed = jdbc.sql("UPDATE event_publication SET status = 'FAILED' WHERE id = :id "
                            + "AND completion_date IS NULL AND status = :status "
                            + "AND COALESCE(last_resubmission_date, publication_date) < :before")
                    .param("id", row.id()).param("status", row.status()).param("before", cutoff).update();
            if (changed == 1) {
                taken.add(row.id());
                log.warn("Event publication {} ({} for {}) was left {} by an instance that stopped: delivering it "
                        + "again", row.id(), shortName(row.eventType()), listenerName(row.listener()), row.status());
            }
        }
        reclaimed.increment(taken.size());
        return taken;
    }

    private void redeliverNow(Set<UUID> ids) {
        if (!ids.isEmpty()) {
            incomplete.resubmitIncompletePublications(p -> ids.contains(p.getIdentifier()));
            redelivered.increment(ids.size());
        }
    }

    /** Delivers again the failed publications whose backoff has passed (all of them when {@code now}). */
    int redeliver(boolean now) {
        Instant at = clock.instant();
        List<Row> failed = jdbc.sql("SELECT id, status, listener_id, event_type, completion_attempts, "
                        + "COALESCE(last_resubmission_date, publication_date) AS last_try FROM event_publication "
                        + "WHERE completion_date IS NULL AND status = 'FAILED' "
                        + "ORDER BY publication_date FETCH FIRST " + BATCH + " ROWS ONLY")
                .query(EventRecovery::row).list();
        Set<UUID> due = new HashSet<>();
        for (Row row : failed) {
            // past max-attempts it is stuck (health, dashboard) but still retried every retry.max: when the cause
            // is mended, it completes by itself
            if (now || !row.lastTry().plus(settings.retry().after(row.attempts())).isAfter(at)) {
                due.add(row.id());
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        incomplete.resubmitIncompletePublications(p -> due.contains(p.getIdentifier()));
        redelivered.increment(due.size());
        log.info("Delivered again {} event publication(s) whose listener had failed or was interrupted", due.size());
        return due.size();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime last = rs.getObject("last_try", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("listener_id"),
                rs.getString("event_type"), rs.getInt("completion_attempts"), last.toInstant());
    }

    static String shortName(String className) {
        return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code uk....IntakeService.on(uk....ReferralMessageReceived)} → {@code IntakeService.on}. */
    static String listenerName(String listenerId) {
        if (listenerId == null) {
            return "?";
        }
        String method = listenerId.contains("(") ? listenerId.substring(0, listenerId.indexOf('(')) : listenerId;
        int dot = method.lastIndexOf('.');
        int classDot = dot > 0 ? method.lastIndexOf('.', dot - 1) : -1;
        return method.substring(classDot + 1);
    }
}
