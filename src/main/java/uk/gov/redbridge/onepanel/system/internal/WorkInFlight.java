package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboxBacklog;
import uk.gov.redbridge.onepanel.system.web.WorkPicture;

/**
 * Work in flight and work stuck, from the database (so the same on every instance): for health and the dashboard.
 * In flight: event publications not completed, mail waiting to go. Stuck: a publication whose listener failed
 * {@code retry.max-attempts} times (still retried every {@code retry.max}), or one in flight that nobody has shown
 * alive or taken over for twice {@code abandoned-after} (the recovery itself is not running); and work the sweep of
 * truth raised as an exception in the last day.
 */
@Component
class WorkInFlight implements WorkPicture.Source {

    private final JdbcClient jdbc;
    private final Correspondence correspondence;
    private final TruthSweep sweep;
    private final EventSettings settings;
    private final Clock clock;

    WorkInFlight(JdbcClient jdbc, Correspondence correspondence, TruthSweep sweep, EventSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.correspondence = correspondence;
        this.sweep = sweep;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public WorkPicture picture() {
        Instant now = clock.instant();
        OffsetDateTime unattended = now.minus(settings.abandonedAfter().multipliedBy(2)).atOffset(ZoneOffset.UTC);
        record Counts(int inFlight, Instant oldest, int stuck, Instant oldestStuck) {
        }
        Counts c = jdbc.sql("SELECT COUNT(*) AS in_flight, MIN(publication_date) AS oldest, "
                        + "SUM(CASE WHEN (status = 'FAILED' AND completion_attempts >= :max) OR (status <> 'FAILED' "
                        + "AND COALESCE(last_resubmission_date, publication_date) < :unattended) THEN 1 ELSE 0 END) "
                        + "AS stuck, MIN(CASE WHEN (status = 'FAILED' AND completion_attempts >= :max) OR (status <> "
                        + "'FAILED' AND COALESCE(last_resubmission_date, publication_date) < :unattended) "
                        + "THEN publication_date END) AS oldest_stuck FROM event_publication WHERE completion_date IS NULL")
                .param("max", settings.retry().maxAttempts()).param("unattended", unattended)
                .query((rs, n) -> new Counts(rs.getInt("in_flight"), instant(rs, "oldest"), rs.getInt("stuck"),
                        instant(rs, "oldest_stuck")))
                .single();
        OutboxBacklog mail = correspondence.backlog();
        List<Instant> raised = sweep.givenUpSince(now.minus(Duration.ofDays(1)));
        TruthSweep.SweepResult last = sweep.lastResult();
        return new WorkPicture(now, c.inFlight(), age(now, c.oldest()), c.stuck(), age(now, c.oldestStuck()),
                mail.waiting(), age(now, mail.oldestWaiting()), mail.sending(), raised.size(),
                last == null ? null : last.at(), last == null ? 0 : last.finishedTotal());
    }

    private static Duration age(Instant now, Instant since) {
        return since == null ? null : Duration.between(since, now).isNegative() ? Duration.ZERO
                : Duration.between(since, now);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
