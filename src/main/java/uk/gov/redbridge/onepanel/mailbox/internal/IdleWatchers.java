package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE (RFC 2177), one thread per mailbox whose server offers it: new mail triggers a check within seconds.
 * IDLE is ended and re-issued every {@code re-idle-interval} (at most 10 minutes) by a NOOP from a watchdog, which
 * also proves the connection alive; a connection that stops answering times out after that interval plus the read
 * timeout and is opened again with backoff. The timed poll goes on regardless, so a lost IDLE costs speed, never
 * mail. IDLE only watches: every message is taken by the poll, under the mailbox's lock.
 * <p>
 * Started before the web server opens its port ({@link #PHASE}), and {@link #start()} returns once every mailbox is
 * listening (or has failed or declined once), for at most {@link #START_WAIT}: a referral sent the moment the service
 * answers is then noticed at once, not after the IMAP logins that used to follow the port's opening (5-6 s of the
 * first referral's 5-8 s under load, issue 14).
 */
@Component
class IdleWatchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdleWatchers.class);

    /**
     * Before the web server's start (Spring Boot's {@code WebServerStartStopLifecycle}: {@code DEFAULT_PHASE - 2048})
     * and after the embedded mail server's; stopped after the web server. The same as {@link PollCoordinator}'s,
     * which starts first (a dependency).
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** How long start-up waits for the IDLE connections at most (a slow or unreachable server costs no more). */
    static final Duration START_WAIT = Duration.ofSeconds(10);

    enum Status { OFF, CONNECTING, LISTENING, UNSUPPORTED, RECONNECTING }

    private final MailboxSettings settings;
    private final MailSessions sessions;
    private final MailLogin login;
    private final PollCoordinator polls;
    private final MailboxStates states;
    private final Clock clock;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> idleRounds = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final Map<String, IMAPStore> openStores = new ConcurrentHashMap<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch firstAttempts = new CountDownLatch(0);
    private ScheduledExecutorService watchdog;
    private volatile boolean running;

    IdleWatchers(MailboxSettings settings, MailSessions sessions, MailLogin login, PollCoordinator polls,
            MailboxStates states, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.login = login;
        this.polls = polls;
        this.states = states;
        this.clock = clock;
        settings.accounts().forEach(a -> statuses.put(a.name(), Status.OFF));
    }

    Status status(String mailbox) {
        return statuses.getOrDefault(mailbox, Status.OFF);
    }

    /** How many times IDLE was (re-)issued for this mailbox since start-up. */
    long idleRounds(String mailbox) {
        return idleRounds.computeIfAbsent(mailbox, m -> new AtomicLong()).get();
    }

    @Override
    public synchronized void start() {
        if (running || !settings.scheduledPolling() || !settings.idle().enabled() || settings.accounts().isEmpty()) {
            return;
        }
        running = true;
        settled.clear();
        firstAttempts = new CountDownLatch(settings.accounts().size());
        watchdog = Executors.newScheduledThreadPool(settings.accounts().size(), daemon("mailbox-idle-watchdog"));
        for (MailboxSettings.Account account : settings.accounts()) {
            Thread thread = daemon("mailbox-idle-" + account.name()).newThread(() -> {
                try {
                    watch(account);
                } finally {
                    settle(account.name());
                }
            });
            threads.put(account.name(), thread);
            thread.start();
        }
        try {
            if (!firstAttempts.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("IDLE: not every mailbox is listening after {}s; start-up goes on (the poll carries on)",
                        START_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The mailbox's watcher is past its first attempt (listening, declined, failed or waiting for a backoff). */
    private void settle(String mailbox) {
        if (settled.add(mailbox)) {
            firstAttempts.countDown();
        }
    }

    private void status(String mailbox, Status status) {
        statuses.put(mailbox, status);
        if (status != Status.CONNECTING && status != Status.OFF) {
            settle(mailbox);
        }
    }

    @Override
    public void stop() {
        Map<String, Thread> stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = new LinkedHashMap<>(threads);
            threads.clear();
        }
        watchdog.shutdownNow();
        // closing the connection ends a blocked IDLE; on a server that no longer answers, closing waits for the read
        // timeout, so it happens on a daemon thread of its own and shutdown does not wait for it
        daemon("mailbox-idle-close").newThread(() -> openStores.values().forEach(IdleWatchers::closeQuietly)).start();
        for (Thread t : stopping.values()) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void watch(MailboxSettings.Account account) {
        AtomicLong failures = new AtomicLong();
        while (running) {
            Instant due = states.find(account.name()).nextAttemptAt();
            if (due != null && clock.instant().isBefore(due)) {
                // the poll is backing off (e.g. authentication failed): do not log in more often than it does
                settle(account.name());
                sleep(Duration.between(clock.instant(), due));
                continue;
            }
            try {
                if (!listen(account, () -> failures.set(0))) {
                    return;
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                FailureKind kind = FailureClassifier.classify(e);
                Duration wait = settings.backoff().delayAfter((int) failures.incrementAndGet(), kind);
                status(account.name(), Status.RECONNECTING);
                log.warn("Mailbox {}: IDLE connection lost ({}: {}); listening again in {}s (the {}s poll goes on)",
                        account.name(), kind.label(), e.getClass().getSimpleName(), wait.toSeconds(),
                        settings.pollInterval().toSeconds());
                sleep(wait);
            }
        }
    }

    /**
     * @param listening called once IDLE is established
     * @return false if the server does not offer IDLE (the thread ends; the poll carries on alone)
     */
    private boolean listen(MailboxSettings.Account account, Runnable listening) throws MessagingException {
        status(account.name(), Status.CONNECTING);
        Duration reIdle = settings.idle().reIdleInterval();
        IMAPStore store = login.imap(account, sessions.idle(account, reIdle));
        openStores.put(account.name(), store);
        ScheduledFuture<?> renewal = null;
        try {
            if (!ServerCapabilities.probe(store, settings.ignoredCapabilities()).idle()) {
                status(account.name(), Status.UNSUPPORTED);
                log.info("Mailbox {}: the server does not offer IDLE; checking every {}s", account.name(),
                        settings.pollInterval().toSeconds());
                return false;
            }
            IMAPFolder inbox = (IMAPFolder) store.getFolder(account.inboxFolder());
            inbox.open(Folder.READ_ONLY);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    polls.request(account.name());
                }
            });
            // whatever arrived while nobody listened
            polls.request(account.name());
            renewal = watchdog.scheduleWithFixedDelay(() -> renew(account, inbox), reIdle.toMillis(),
                    reIdle.toMillis(), TimeUnit.MILLISECONDS);
            status(account.name(), Status.LISTENING);
            listening.run();
            AtomicLong rounds = idleRounds.computeIfAbsent(account.name(), m -> new AtomicLong());
            while (running && inbox.isOpen()) {
                rounds.incrementAndGet();
                inbox.idle(true);
            }
            if (running) {
                throw new MessagingException("the IDLE folder was closed");
            }
            return true;
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
            openStores.remove(account.name());
            closeQuietly(store);
        }
    }

    /** A NOOP from another thread ends the current IDLE (Angus sends DONE first); the watcher re-issues it. */
    private void renew(MailboxSettings.Account account, IMAPFolder inbox) {
        try {
            inbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.debug("Mailbox {}: IDLE renewal failed; the watcher reconnects", account.name(), e);
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(100, Math.min(d.toMillis(), settings.backoff().max().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("IDLE connection did not close cleanly", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
