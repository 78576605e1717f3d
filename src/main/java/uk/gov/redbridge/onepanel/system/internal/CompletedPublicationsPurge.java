package uk.gov.redbridge.onepanel.system.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes event publications that completed more than {@code onepanel.events.keep-completed} ago (default 7 days).
 * Spring Modulith keeps every completed publication: without this the registry grows by a dozen rows per email for
 * ever, the sweep's and recovery's scans of it slow down, and each row holds its event serialised (message and
 * referral ids, reasons), which has no business outliving the work it carried. Incomplete publications are never
 * touched: they are the work still to do.
 */
@Component
class CompletedPublicationsPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedPublicationsPurge.class);

    private final CompletedEventPublications completed;
    private final EventSettings settings;

    CompletedPublicationsPurge(CompletedEventPublications completed, EventSettings settings) {
        this.completed = completed;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${onepanel.events.purge-interval:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "event-purge", lockAtMostFor = "PT30M")
    void purge() {
        completed.deletePublicationsOlderThan(settings.keepCompleted());
        log.debug("Completed event publications older than {} deleted", settings.keepCompleted());
    }
}
