package uk.gov.redbridge.onepanel.correspondence.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.OutboundFailed;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.correspondence.OutboundSent;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.OutboundUncertain;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.shared.StageSettings;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * Sends due outbox rows. Each row is claimed (PENDING/RETRY → SENDING, committed) before the SMTP conversation, and
 * marked SENT after the server accepted it; a row found still SENDING after a restart or for too long becomes
 * UNCERTAIN and is never sent again by itself. Several instances may run this: the claim is a conditional update.
 * <p>
 * Within an instance, up to {@code onepanel.stages.outbox.threads} senders run at once (one SMTP conversation each):
 * with one, acknowledgements ended up to 106 s after the last outcome of a 2,000-message backlog (issue 14). They
 * share the due rows: a row one sender has in hand is passed over by the others, and the claim decides in any case,
 * so a row is sent by one sender only.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final OutboxRepository repository;
    private final ContentStore contentStore;
    private final MimeComposer composer;
    private final AllowedDomains allowedDomains;
    private final MailAccounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CorrespondenceSettings settings;
    private final Clock clock;
    private final SendHooks hooks;
    private final TaskExecutor executor;
    private final String instance;
    private final Instant startedAt;
    private final int senders;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Set<OutboundMailId> inHand = ConcurrentHashMap.newKeySet();

    OutboxSender(OutboxRepository repository, ContentStore contentStore, MimeComposer composer,
            AllowedDomains allowedDomains, MailAccounts accounts, ApplicationEventPublisher events,
            TransactionTemplate tx, CorrespondenceSettings settings, Clock clock, SendHooks hooks,
            @Qualifier(OutboxExecutorConfiguration.EXECUTOR) TaskExecutor executor, StageSettings stages) {
        this.repository = repository;
        this.contentStore = contentStore;
        this.composer = composer;
        this.allowedDomains = allowedDomains;
        this.accounts = accounts;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.hooks = hooks;
        this.executor = executor;
        this.senders = stages.outbox().threads();
        this.instance = settings.instanceName() != null && !settings.instanceName().isBlank()
                ? settings.instanceName() : hostName();
        // on the application clock, like the claims it is compared with (the clock may run offset from real time)
        this.startedAt = clock.instant();
    }

    /** Send soon, on the outbox's own thread (called after a commit that queued mail). */
    void wake() {
        again.set(true);
        if (running.get() < senders) {
            executor.execute(this::sendDue);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        markAbandonedAsUncertain();
        wake();
    }

    @Scheduled(fixedDelayString = "${onepanel.correspondence.send-interval:5s}", initialDelayString = "5s")
    void onSchedule() {
        markAbandonedAsUncertain();
        // on the outbox's thread: a long send (a backlog of acknowledgements) never holds up the scheduler's
        wake();
    }

    /** Sends every due row; returns how many were sent. */
    int sendDue() {
        int now;
        do {
            now = running.get();
            if (now >= senders) {
                again.set(true);
                return 0;
            }
        } while (!running.compareAndSet(now, now + 1));
        int sent = 0;
        try {
            do {
                again.set(false);
                List<OutboundMailId> due = repository.due(clock.instant(), BATCH);
                for (OutboundMailId id : due) {
                    if (!inHand.add(id)) {
                        continue; // another sender of this instance is sending it
                    }
                    try {
                        if (sendOne(id)) {
                            sent++;
                        }
                    } finally {
                        inHand.remove(id);
                    }
                }
                if (due.size() == BATCH) {
                    again.set(true);
                }
            } while (again.get());
        } finally {
            running.decrementAndGet();
        }
        if (again.get() && running.get() == 0) {
            // woken between this sender's last look and its end, with no other sender left to see it
            wake();
        }
        return sent;
    }

    /** Returns how many rows it marked UNCERTAIN. */
    int markAbandonedAsUncertain() {
        Instant staleBefore = clock.instant().minus(settings.staleSendingAfter());
        int marked = 0;
        for (OutboundMailId id : repository.abandonedSending(instance, startedAt, staleBefore)) {
            Boolean done = tx.execute(status -> {
                if (repository.markUncertain(id, "found mid-send after a restart or a stall: it may have been delivered")) {
                    String ref = repository.find(id).map(OutboundMail::referralReference).orElse(null);
                    events.publishEvent(new OutboundUncertain(id, ref, "caught mid-send; not resent automatically"));
                    log.warn("Outbound mail {} was caught mid-send: marked UNCERTAIN for the secretariat", id);
                    return true;
                }
                return false;
            });
            if (Boolean.TRUE.equals(done)) {
                marked++;
            }
        }
        return marked;
    }

    private boolean sendOne(OutboundMailId id) {
        Boolean claimed = tx.execute(status -> repository.claim(id, instance, clock.instant()));
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        OutboundMail mail = repository.find(id).orElseThrow();
        String refused = recipientsNoLongerAllowed(mail);
        if (refused != null) {
            finish(mail, OutboundState.BLOCKED, null, "recipient domain no longer allowed: " + refused);
            return false;
        }
        try {
            MimeMessage message = composer.read(contentStore.get(repository.mimeContent(id).orElseThrow()));
            accounts.send(mail.fromMailbox(), message);
        } catch (MessagingException | RuntimeException e) {
            handleFailure(mail, e);
            return false;
        }
        hooks.afterAccepted(id);
        finish(mail, OutboundState.SENT, clock.instant(), null);
        log.info("Sent outbound mail {} ({})", id, mail.template());
        return true;
    }

    private String recipientsNoLongerAllowed(OutboundMail mail) {
        return java.util.stream.Stream.concat(mail.to().stream(), mail.cc().stream())
                .filter(a -> !allowedDomains.allows(a))
                .map(a -> AllowedDomains.domainOf(a).orElse("(malformed address)")).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    private void handleFailure(OutboundMail mail, Exception e) {
        SmtpFailure failure = SmtpFailure.classify(e);
        log.warn("Sending outbound mail {} failed: {}", mail.id(), failure.description());
        switch (failure.kind()) {
            case PERMANENT -> finish(mail, OutboundState.FAILED, null, failure.description());
            case UNKNOWN_OUTCOME -> tx.executeWithoutResult(status -> {
                if (repository.markUncertain(mail.id(), failure.description())) {
                    events.publishEvent(new OutboundUncertain(mail.id(), mail.referralReference(), failure.description()));
                }
            });
            default -> {
                Instant now = clock.instant();
                if (mail.createdAt().plus(settings.giveUpAfter()).isBefore(now)) {
                    finish(mail, OutboundState.FAILED, null, failure.description() + "; retries exhausted");
                } else {
                    finishRetry(mail, now.plus(backoff(mail.attempts() + 1)), failure.description());
                }
            }
        }
    }

    /** Exponential backoff from the initial wait, capped, with ±20% jitter so instances do not retry in step. */
    Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long wait = base;
        for (int i = 1; i < attempt && wait < max; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, max);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (wait * jitter));
    }

    private void finish(OutboundMail mail, OutboundState state, Instant sentAt, String error) {
        tx.executeWithoutResult(status -> {
            if (repository.finishSending(mail.id(), state, sentAt, null, error)) {
                if (state == OutboundState.SENT) {
                    events.publishEvent(new OutboundSent(mail.id(), mail.referralReference(), "accepted by the server"));
                } else if (state == OutboundState.FAILED || state == OutboundState.BLOCKED) {
                    events.publishEvent(new OutboundFailed(mail.id(), mail.referralReference(), error));
                }
            }
        });
    }

    private void finishRetry(OutboundMail mail, Instant next, String error) {
        tx.executeWithoutResult(status -> repository.finishSending(mail.id(), OutboundState.RETRY, null, next, error));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
