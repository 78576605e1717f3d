package uk.gov.redbridge.onepanel.requests.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the module's jobs run (each under a ShedLock lock, one instance of a group at a time): drafts whose hold
 * has ended, every send interval; the daily deadline check and digest, on its cron and at start-up, which is how a
 * service that was off catches up.
 */
@Component
class RequestJobs {

    private static final Logger log = LoggerFactory.getLogger(RequestJobs.class);

    private final RequestDispatcher dispatcher;
    private final DailyCheck dailyCheck;

    RequestJobs(RequestDispatcher dispatcher, DailyCheck dailyCheck) {
        this.dispatcher = dispatcher;
        this.dailyCheck = dailyCheck;
    }

    @Scheduled(fixedDelayString = "${onepanel.requests.send-interval:PT1M}",
            initialDelayString = "${onepanel.requests.send-interval:PT1M}")
    void everySendInterval() {
        dispatcher.sendDue();
    }

    @Scheduled(cron = "${onepanel.requests.daily-cron:0 0 7 * * *}", zone = "${onepanel.clock.zone:Europe/London}")
    void daily() {
        dailyCheck.run().ifPresent(check -> log.info("Deadline check: {}", check));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            dispatcher.sendDue();
            dailyCheck.run().ifPresent(check -> log.info("Deadline check at start-up: {}", check));
        } catch (RuntimeException e) {
            log.error("The start-up catch-up of information requests failed; the scheduled runs will try again", e);
        }
    }
}
