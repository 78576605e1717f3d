package uk.gov.redbridge.onepanel.links.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.ReferralFormChanged;
import uk.gov.redbridge.onepanel.referrals.ReferralLogged;

/**
 * When matching runs: a referral logged (by mail or by hand), its form changed (field review, a referrer's reply, a
 * form added by hand); and at start-up, in the background, everything again if the rules changed. Events are
 * delivered at least once and matching is idempotent, so a redelivery after a crash changes nothing.
 */
@Component
class MatchingTriggers {

    private static final Logger log = LoggerFactory.getLogger(MatchingTriggers.class);

    private final Matching matching;
    private final TaskExecutor executor;

    MatchingTriggers(Matching matching, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.matching = matching;
        this.executor = executor;
    }

    @ApplicationModuleListener
    void on(ReferralLogged event) {
        matching.match(event.referralId());
    }

    @ApplicationModuleListener
    void on(ReferralFormChanged event) {
        matching.match(event.referralId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (!matching.rulesChanged()) {
            return;
        }
        executor.execute(() -> {
            try {
                matching.matchAll();
            } catch (RuntimeException e) {
                log.error("Matching all referrals again failed ({}); it is tried again at the next start",
                        e.getClass().getSimpleName());
            }
        });
    }
}
