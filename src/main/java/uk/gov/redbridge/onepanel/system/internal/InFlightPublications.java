package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publications this instance holds: stored here and not yet completed or failed (queued for a listener
 * thread, or running), and those it took over for redelivery. Every {@code heartbeat} it stamps them alive in the
 * registry ({@code last_resubmission_date}); a publication that stays unstamped for {@code abandoned-after} was held
 * by an instance that stopped, and {@link EventRecovery} delivers it again. The stamping runs on a thread of its own,
 * so a busy scheduler cannot make a live instance look dead.
 */
class InFlightPublications implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InFlightPublications.class);
    private static final int CHUNK = 200;

    private final Map<UUID, Instant> held = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventSettings settings;
    private ScheduledExecutorService heartbeat;

    InFlightPublications(JdbcClient jdbc, Clock clock, EventSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    void hold(UUID publication) {
        held.put(publication, clock.instant());
    }

    void release(UUID publication) {
        held.remove(publication);
    }

    boolean holds(UUID publication) {
        return held.containsKey(publication);
    }

    Set<UUID> held() {
        return Set.copyOf(held.keySet());
    }

    int size() {
        return held.size();
    }

    /**
     * Stamps alive the publications held longer than a heartbeat; forgets those no longer incomplete in the registry
     * (completed by another path, or whose publishing transaction rolled back).
     */
    void beat() {
        Instant now = clock.instant();
        Instant due = now.minus(settings.heartbeat());
        List<UUID> stale = held.entrySet().stream().filter(e -> !e.getValue().isAfter(due)).map(Map.Entry::getKey)
                .toList();
        for (int from = 0; from < stale.size(); from += CHUNK) {
            List<UUID> chunk = stale.subList(from, Math.min(stale.size(), from + CHUNK));
            Set<UUID> incomplete = new HashSet<>(jdbc.sql("SELECT id FROM event_publication WHERE id IN (:ids) "
                            + "AND completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')")
                    .param("ids", chunk).query(UUID.class).list());
            List<UUID> alive = new ArrayList<>();
            for (UUID id : chunk) {
                if (incomplete.contains(id)) {
                    alive.add(id);
                    held.replace(id, now);
                } else {
                    held.remove(id);
                }
            }
            if (!alive.isEmpty()) {
                jdbc.sql("UPDATE event_publication SET last_resubmission_date = :now WHERE id IN (:ids) "
                                + "AND completion_date IS NULL")
                        .param("now", now.atOffset(ZoneOffset.UTC)).param("ids", alive).update();
            }
        }
    }

    @Override
    public void afterPropertiesSet() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Could not show the held event publications alive: {}", e.getClass().getSimpleName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }
}
