package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.system.web.WorkPicture;

/**
 * {@code /actuator/health/work}: DOWN while work is stuck (a listener that keeps failing, a publication nobody
 * carries, or work the sweep of truth raised as an exception in the last day), so that a stranded referral is seen
 * within minutes; details give work in flight and stuck with the oldest age of each.
 */
@Component("work")
class WorkHealth implements HealthIndicator {

    private final WorkPicture.Source work;

    WorkHealth(WorkPicture.Source work) {
        this.work = work;
    }

    @Override
    public Health health() {
        WorkPicture p = work.picture();
        Health.Builder health = p.stuck() ? Health.down() : Health.up();
        health.withDetail("eventsInFlight", p.eventsInFlight())
                .withDetail("eventsStuck", p.eventsStuck())
                .withDetail("mailWaiting", p.mailWaiting())
                .withDetail("mailSending", p.mailSending())
                .withDetail("raisedAsExceptionsLastDay", p.raisedLastDay());
        if (p.oldestInFlight() != null) {
            health.withDetail("oldestInFlightSeconds", p.oldestInFlight().toSeconds());
        }
        if (p.oldestStuck() != null) {
            health.withDetail("oldestStuckSeconds", p.oldestStuck().toSeconds());
        }
        if (p.oldestMailWaiting() != null) {
            health.withDetail("oldestMailWaitingSeconds", p.oldestMailWaiting().toSeconds());
        }
        if (p.lastSweep() != null) {
            health.withDetail("lastSweep", p.lastSweep().toString())
                    .withDetail("lastSweepFinished", p.lastSweepFinished());
        }
        return health.build();
    }
}
