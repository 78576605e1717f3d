package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What each mailbox's check is doing on this instance right now (logging in, listing the inbox, taking message UID
 * n) and since when, so that a check that stops advancing is seen within {@code health.stuck-after} (one minute):
 * the mailbox's health is DOWN and names the message, and a warning is logged once. Other mailboxes run on their
 * own threads and are not held up. Kept in memory: it describes this instance's threads.
 */
@Component
class MailboxProgress {

    private static final Logger log = LoggerFactory.getLogger(MailboxProgress.class);

    /** One step of a check. */
    record Activity(String what, Instant since, long uid) {
    }

    private final Map<String, Activity> current = new ConcurrentHashMap<>();
    private final Map<String, Activity> warned = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration stuckAfter;

    MailboxProgress(Clock clock, MailboxSettings settings) {
        this.clock = clock;
        this.stuckAfter = settings.health().stuckAfter();
    }

    void doing(String mailbox, String what) {
        current.put(mailbox, new Activity(what, clock.instant(), -1));
    }

    void taking(String mailbox, long uid) {
        current.put(mailbox, new Activity("taking message UID " + uid, clock.instant(), uid));
    }

    void done(String mailbox) {
        current.remove(mailbox);
        warned.remove(mailbox);
    }

    /** What the mailbox's check has been doing for longer than {@code stuck-after}, if anything. */
    Optional<Activity> stuck(String mailbox) {
        Activity a = current.get(mailbox);
        if (a == null || !a.since().plus(stuckAfter).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    Duration stuckAfter() {
        return stuckAfter;
    }

    /** Says so in the log once per stuck step, without waiting for someone to look at the health page. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void warnOfStuckChecks() {
        for (String mailbox : current.keySet()) {
            stuck(mailbox).ifPresent(a -> {
                if (!a.equals(warned.put(mailbox, a))) {
                    log.warn("Mailbox {}: the check has been {} since {} (over {}); the mailbox is not advancing",
                            mailbox, a.what(), a.since(), stuckAfter);
                }
            });
        }
    }
}
