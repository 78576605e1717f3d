package uk.gov.redbridge.onepanel.meetings.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferralStatusChanged;

/**
 * When the meetings' routine runs: every papers-check interval, at start-up (catching up after downtime), and a
 * referral that becomes ready for the panel is placed on the next agenda at once.
 */
@Component
class MeetingJobs {

    private static final Logger log = LoggerFactory.getLogger(MeetingJobs.class);

    private final PapersCheckRun run;
    private final MeetingBook book;

    MeetingJobs(PapersCheckRun run, MeetingBook book) {
        this.run = run;
        this.book = book;
    }

    @Scheduled(fixedDelayString = "${onepanel.meetings.papers-check-interval:PT15M}",
            initialDelayString = "${onepanel.meetings.papers-check-interval:PT15M}")
    void everyInterval() {
        run.run().ifPresent(c -> log.info("Meetings papers check: {}", c));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            run.run().ifPresent(c -> log.info("Meetings papers check at start-up: {}", c));
        } catch (RuntimeException e) {
            log.error("The start-up papers check failed; the scheduled runs will try again", e);
        }
    }

    @ApplicationModuleListener
    void on(ReferralStatusChanged e) {
        if (e.to() == ReferralStatus.READY_FOR_PANEL) {
            book.scheduleAhead();
            book.placeReadyReferrals();
        }
    }
}
