package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When mailboxes are checked: every poll interval (Spring Scheduling), whenever IDLE reports new mail, and on
 * request ({@link #pollNow()}). Each mailbox has its own worker thread, so one that hangs or cannot be reached never
 * delays the others; requests that arrive while a check runs are folded into one further check. Each check runs
 * under the mailbox's lock and respects its backoff.
 */
@Component
public class PollCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollCoordinator.class);

    private final MailboxPoller poller;
    private final MailboxLocks locks;
    private final MailboxSettings settings;
    private final Map<String, ExecutorService> workers = new LinkedHashMap<>();
    private final Map<String, AtomicBoolean> queued = new LinkedHashMap<>();
    private volatile boolean running;

    PollCoordinator(MailboxPoller poller, MailboxLocks locks, MailboxSettings settings) {
        this.poller = poller;
        this.locks = locks;
        this.settings = settings;
        for (MailboxSettings.Account account : settings.accounts()) {
            workers.put(account.name(), newWorker(account.name()));
            queued.put(account.name(), new AtomicBoolean());
        }
    }

    private static ExecutorService newWorker(String mailbox) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mailbox-" + mailbox);
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${onepanel.mailbox.poll-interval:PT60S}")
    void everyPollInterval() {
        if (settings.scheduledPolling()) {
            settings.accounts().forEach(a -> request(a.name()));
        }
    }

    /** Asks for a check of this mailbox soon; returns at once. */
    void request(String mailbox) {
        AtomicBoolean waiting = queued.get(mailbox);
        if (!running || waiting == null || !waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            workers.get(mailbox).execute(() -> {
                waiting.set(false);
                check(mailbox);
            });
        } catch (RejectedExecutionException e) {
            // shutting down
            waiting.set(false);
        }
    }

    /**
     * Checks every mailbox now (each on its own worker, in parallel) and waits for all of them.
     *
     * @return how many messages were newly logged
     */
    public int pollNow() {
        Map<String, Future<MailboxPoller.PollResult>> checks = new LinkedHashMap<>();
        workers.forEach((mailbox, worker) -> checks.put(mailbox, worker.submit(() -> check(mailbox))));
        int logged = 0;
        for (Map.Entry<String, Future<MailboxPoller.PollResult>> each : checks.entrySet()) {
            try {
                logged += each.getValue().get().logged();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while mailboxes were checked", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("mailbox " + each.getKey() + " check failed", e.getCause());
            }
        }
        return logged;
    }

    MailboxPoller.PollResult check(String mailbox) {
        MailboxSettings.Account account = settings.accounts().stream().filter(a -> a.name().equals(mailbox))
                .findFirst().orElseThrow();
        try {
            return locks.withLock(mailbox, () -> poller.poll(account)).orElseGet(() -> {
                log.debug("Mailbox {} is being checked by another instance", mailbox);
                return MailboxPoller.PollResult.deferred();
            });
        } catch (RuntimeException e) {
            // e.g. the database is down: the lock itself cannot be taken. The next interval tries again.
            log.warn("Mailbox {} could not be checked ({})", mailbox, MessageTaker.rootCause(e));
            return MailboxPoller.PollResult.deferred();
        }
    }

    /** Also after a stop: a stopped context can be started again (Spring's test context cache pauses contexts). */
    @Override
    public synchronized void start() {
        workers.replaceAll((mailbox, worker) -> worker.isShutdown() ? newWorker(mailbox) : worker);
        running = true;
    }

    /**
     * Before the embedded mail server and the database go (after the web server): no new checks, and a
     * check under way may finish. A check cut short is harmless, as every step can be repeated.
     */
    @Override
    public synchronized void stop() {
        running = false;
        workers.values().forEach(ExecutorService::shutdown);
        try {
            for (ExecutorService worker : workers.values()) {
                if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Before the web server opens its port, so that mail is taken from the moment the service answers. */
    @Override
    public int getPhase() {
        return IdleWatchers.PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
