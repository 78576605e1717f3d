package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one mailbox, from the state every instance shares: UP when the last check succeeded within
 * {@code stale-after}; DOWN when the last check failed, or no check has succeeded for that long (a stalled poller is
 * as bad as a failing one), or when this instance's check has been on one step (one message) for longer than
 * {@code stuck-after}, naming its UID; UNKNOWN until the first check, within that time of start-up. Details carry no personal
 * data: times, counts, the failure kind, the IMAP extensions and the IDLE status.
 */
class MailboxHealth implements HealthIndicator {

    private final String mailbox;
    private final MailboxStates states;
    private final IdleWatchers idle;
    private final Duration staleAfter;
    private final Clock clock;
    private final Instant startedAt;

    private final MailboxProgress progress;

    MailboxHealth(String mailbox, MailboxStates states, IdleWatchers idle, Duration staleAfter, Clock clock,
            MailboxProgress progress) {
        this.mailbox = mailbox;
        this.progress = progress;
        this.states = states;
        this.idle = idle;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public Health health() {
        MailboxState state = states.find(mailbox);
        Instant now = clock.instant();
        Instant lastSuccess = state.lastSuccessAt();
        Health.Builder health;
        var stuck = progress.stuck(mailbox);
        if (stuck.isPresent()) {
            health = Health.down().withDetail("stuck", stuck.get().what() + " since " + stuck.get().since()
                    + " (over " + progress.stuckAfter().toSeconds() + " s): the mailbox is not advancing");
            if (stuck.get().uid() >= 0) {
                health.withDetail("stuckOnUid", stuck.get().uid());
            }
        } else if (state.consecutiveFailures() > 0) {
            health = Health.down().withDetail("failureKind", state.failureKind().label());
        } else if (lastSuccess == null) {
            health = startedAt.plus(staleAfter).isAfter(now) ? Health.unknown()
                    : Health.down().withDetail("stale", "not checked since start-up");
        } else if (lastSuccess.plus(staleAfter).isBefore(now)) {
            health = Health.down().withDetail("stale", "not checked successfully for " + staleAfter.toMinutes()
                    + " minutes");
        } else {
            health = Health.up();
        }
        health.withDetail("lastSuccessfulCheck", lastSuccess == null ? "never" : lastSuccess.toString())
                .withDetail("consecutiveFailures", state.consecutiveFailures())
                .withDetail("idle", idle.status(mailbox).name().toLowerCase(java.util.Locale.ROOT));
        if (state.nextAttemptAt() != null) {
            health.withDetail("nextAttempt", state.nextAttemptAt().toString());
        }
        if (state.capabilities() != null) {
            health.withDetail("imapExtensions", state.capabilities());
        }
        return health.build();
    }
}
