package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.PapersIssue;
import uk.gov.redbridge.onepanel.papers.IssuedPack;

/**
 * Issuing a pack by hand. Collating the papers of a full agenda takes many seconds (every document converted), so
 * the page starts it in the background and shows its progress; a second start while it runs (a double click, a
 * second person) joins the running one rather than issuing twice. One meeting's pack is built by one thread at a
 * time in this instance, whoever asks; across instances the pack's unique issue number refuses a second issue.
 */
@Component
public class PackIssuing {

    private static final Logger log = LoggerFactory.getLogger(PackIssuing.class);

    private final MeetingBook book;
    private final PackDistribution distribution;
    private final Clock clock;
    private final Map<MeetingId, PapersIssue> progress = new ConcurrentHashMap<>();
    private final Map<MeetingId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "papers-issue");
        t.setDaemon(true);
        return t;
    });

    PackIssuing(MeetingBook book, PackDistribution distribution, Clock clock) {
        this.book = book;
        this.distribution = distribution;
        this.clock = clock;
    }

    /** Issues now and returns when done (the API): empty when nothing changed since the last issue. */
    public Optional<IssuedPack> issueNow(MeetingId id, String actor) {
        Meeting meeting = book.get(id);
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return distribution.issueNow(book.get(meeting.id()), actor, (done, total) -> { });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts issuing in the background, or joins the issue already running for the meeting.
     *
     * @throws IllegalStateException for a cancelled meeting
     */
    public synchronized PapersIssue start(MeetingId id, String actor) {
        Meeting meeting = book.get(id);
        if (meeting.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        PapersIssue current = progress.get(id);
        if (current != null && current.running()) {
            return current;
        }
        PapersIssue started = new PapersIssue(id, PapersIssue.State.RUNNING, 0, book.agenda(id).size(), null,
                clock.instant(), null, actor);
        progress.put(id, started);
        background.submit(() -> run(id, actor, started));
        return started;
    }

    /** The last issue started by hand in this instance, running or finished. */
    public Optional<PapersIssue> progress(MeetingId id) {
        return Optional.ofNullable(progress.get(id));
    }

    private void run(MeetingId id, String actor, PapersIssue started) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<IssuedPack> pack = distribution.issueNow(book.get(id), actor, (done, total) -> progress.put(id,
                    new PapersIssue(id, PapersIssue.State.RUNNING, done, total, null, started.startedAt(), null,
                            actor)));
            PapersIssue now = progress.get(id);
            progress.put(id, new PapersIssue(id, pack.isPresent() ? PapersIssue.State.ISSUED
                    : PapersIssue.State.UNCHANGED, now.total(), now.total(), pack.map(IssuedPack::issue).orElse(null),
                    started.startedAt(), clock.instant(), actor));
        } catch (RuntimeException e) {
            log.error("The papers of the meeting {} could not be issued", id, e);
            PapersIssue now = progress.get(id);
            progress.put(id, new PapersIssue(id, PapersIssue.State.FAILED, now.done(), now.total(), null,
                    started.startedAt(), clock.instant(), actor));
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
