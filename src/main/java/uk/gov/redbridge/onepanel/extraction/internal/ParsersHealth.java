package uk.gov.redbridge.onepanel.extraction.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import uk.gov.redbridge.onepanel.extraction.internal.parsing.IsolatedParser;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.PoolStatus;

/**
 * The document parsers ({@code /actuator/health/parsers}): UP while at least one worker is running, UNKNOWN while
 * none has started yet (they are starting, or start with the first document), DOWN when none runs because starting
 * one failed (documents then wait, and intake is retried later). Details: how many workers are ready, busy and
 * starting, and how many were replaced after dying.
 */
class ParsersHealth implements HealthIndicator {

    private final ExtractionEngine engine;

    ParsersHealth(ExtractionEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        if (!(engine.parser() instanceof IsolatedParser isolated)) {
            return Health.up().withDetail("isolation", false).build();
        }
        PoolStatus status = isolated.status();
        Health.Builder health;
        if (status.ready() + status.busy() > 0) {
            health = Health.up();
        } else if (status.lastStartFailed() && status.starting() == 0) {
            health = Health.down().withDetail("error", "no parsing worker could be started");
        } else {
            health = Health.unknown();
        }
        return health.withDetail("workers", status.slots()).withDetail("ready", status.ready())
                .withDetail("busy", status.busy()).withDetail("starting", status.starting())
                .withDetail("restarts", status.restarts()).withDetail("startFailures", status.startFailures())
                .build();
    }
}
