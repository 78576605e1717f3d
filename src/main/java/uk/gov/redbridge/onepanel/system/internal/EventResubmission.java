package uk.gov.redbridge.onepanel.system.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed (a database blip, a lost race): the event publication registry
 * keeps them, and every listener is idempotent. Restart-time republication is not safe with several instances
 * (another may still be working on them), so in production this job is what redelivers them (RELIABILITY.md 3).
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete, EventSettings settings) {
        this.incomplete = incomplete;
        this.olderThan = settings.resubmitOlderThan();
    }

    @Scheduled(fixedDelayString = "${onepanel.events.resubmit-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.getClass().getSimpleName());
        }
    }
}
