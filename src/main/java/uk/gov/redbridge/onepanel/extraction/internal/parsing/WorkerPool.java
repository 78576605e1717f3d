package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsing worker processes, kept ready so that a document never waits for a JVM to start.
 *
 * <ul>
 * <li>Workers are started (and warmed, see {@link WarmUpDocuments}) on a background thread, one after the other:
 * all of them at once by {@link #startAll()}, or as documents need them. A caller only ever waits for a worker that
 * is already starting; it never starts one itself.</li>
 * <li>A worker is replaced after a number of documents, so that no parser state accumulates. Its successor is started
 * and warmed while it carries on, and it is stopped only once the successor is ready: a worker past its limit keeps
 * serving until then. Retirements are staggered: one at a time, and the first workers' limits are spread
 * ({@code documentsPerWorker × (i + 1) / slots}), so that they never all retire together.</li>
 * <li>A worker that dies (killed for taking too long, out of memory, crashed, or ended from outside while idle) is
 * replaced in the background; the other workers carry on meanwhile.</li>
 * </ul>
 * Which documents go to which worker, how many at once, and what a worker's death means for its document are the
 * caller's ({@link IsolatedParser}).
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final int HISTORY = 1000;

    /** Starts one worker process and warms it. */
    interface Launcher {
        Worker launch() throws IOException, Worker.TimedOut, Worker.Died;
    }

    /** What happened to the workers, in order: for monitoring, and for tests that check the order of things. */
    enum Change {
        /** a worker is being started (pid -1) */
        STARTING,
        /** a worker is started and warm, ready for documents */
        READY,
        /** a worker could not be started (pid -1) */
        START_FAILED,
        /** a worker reached its limit: its successor is being started, it carries on meanwhile */
        REPLACING,
        /** a worker was stopped, its successor being ready */
        RETIRED,
        /** a worker ended without being asked to (killed, out of memory, crashed) */
        DIED
    }

    /** One change, with the worker's pid and how many documents it had read. */
    record Event(Change change, long pid, int served) {
    }

    /** No worker became free in time; {@code startFailed} when starting one failed meanwhile. */
    static final class NoWorker extends Exception {
        final boolean startFailed;

        NoWorker(boolean startFailed) {
            super(null, null, false, false);
            this.startFailed = startFailed;
        }
    }

    private final int slots;
    private final int documentsPerWorker;
    private final Launcher launcher;
    private final ExecutorService starter;
    private final ExecutorService reaper;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Worker> ready = new ArrayDeque<>();
    private final Set<Worker> busy = new HashSet<>();
    private final Map<Worker, Integer> retireAfter = new HashMap<>();
    /** retired workers still reading a document: stopped when they give it back */
    private final Set<Worker> stopWhenBack = new HashSet<>();
    private final Deque<Event> history = new ArrayDeque<>();
    /** the worker whose successor is starting; at most one at a time, so that retirements are staggered */
    private Worker retiring;
    private int target;
    private int starting;
    private int launched;
    private int startFailures;
    private boolean lastStartFailed;
    private int waiting;
    private int restarts;
    private boolean closed;

    WorkerPool(int slots, int documentsPerWorker, Launcher launcher) {
        this.slots = slots;
        this.documentsPerWorker = documentsPerWorker;
        this.launcher = launcher;
        this.starter = Executors.newSingleThreadExecutor(daemon("parse-worker-starter"));
        this.reaper = Executors.newSingleThreadExecutor(daemon("parse-worker-reaper"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts every worker now, in the background, one after the other. Returns at once. */
    void startAll() {
        lock.lock();
        try {
            want(slots);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A ready worker, waiting (until the deadline, {@link System#nanoTime()}) for one that is starting or busy.
     *
     * @throws NoWorker when none became free in time, or starting one failed
     */
    Worker borrow(long deadlineNanos) throws NoWorker, InterruptedException {
        lock.lock();
        try {
            int failures = startFailures;
            waiting++;
            try {
                while (true) {
                    if (closed) {
                        throw new IllegalStateException("the document parser has been shut down");
                    }
                    Worker worker = takeReady();
                    if (worker != null) {
                        busy.add(worker);
                        return worker;
                    }
                    if (startFailures == failures) {
                        want(Math.min(slots, busy.size() - stopWhenBack.size() + waiting));
                    } else if (starting == 0 && busy.isEmpty()) {
                        // a start failed since this caller began waiting, and nothing else can become free
                        throw new NoWorker(true);
                    }
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        throw new NoWorker(false);
                    }
                    changed.awaitNanos(left);
                }
            } finally {
                waiting--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A worker that read its document: ready for the next one, or retired if its successor is ready. */
    void giveBack(Worker worker) {
        Worker stop = null;
        lock.lock();
        try {
            if (!busy.remove(worker)) {
                return;
            }
            if (stopWhenBack.remove(worker) || closed) {
                stop = worker;
                retireAfter.remove(worker);
                if (!closed) {
                    record(Change.RETIRED, worker);
                }
            } else if (!worker.alive()) {
                died(worker);
            } else {
                ready.addLast(worker);
                beginRetirementIfDue();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (stop != null) {
            stopLater(stop);
        }
    }

    /** A worker that died or was killed while reading: it is replaced in the background. */
    void discard(Worker worker) {
        lock.lock();
        try {
            if (busy.remove(worker) || ready.remove(worker)) {
                died(worker);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        worker.kill();
    }

    private void exited(Worker worker) {
        boolean idle;
        lock.lock();
        try {
            // a busy worker's death is seen by the caller reading from it, which discards it
            idle = ready.remove(worker);
            if (idle) {
                log.warn("A document parsing worker ended while idle; it is being replaced");
                died(worker);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (idle) {
            reaper.execute(worker::kill);
        }
    }

    /** Holding the lock: books a worker's death and starts its replacement unless one is already on its way. */
    private void died(Worker worker) {
        restarts++;
        retireAfter.remove(worker);
        record(Change.DIED, worker);
        if (worker == retiring) {
            // its successor is already starting and takes its place
            retiring = null;
        } else if (!stopWhenBack.remove(worker)) {
            want(target);
        }
    }

    /** Holding the lock: a ready worker that is not about to retire if there is one, else the one that is. */
    private Worker takeReady() {
        Worker retiringAndReady = null;
        for (Iterator<Worker> it = ready.iterator(); it.hasNext();) {
            Worker w = it.next();
            if (!w.alive()) {
                it.remove();
                died(w);
                reaper.execute(w::kill);
            } else if (w == retiring) {
                retiringAndReady = w;
            } else {
                it.remove();
                return w;
            }
        }
        if (retiringAndReady != null) {
            // past its limit, but its successor is not ready yet: it carries on rather than keep anyone waiting
            ready.remove(retiringAndReady);
        }
        return retiringAndReady;
    }

    /** Holding the lock: starts workers until {@code wanted} are running or starting (not counting retiring ones). */
    private void want(int wanted) {
        target = Math.max(target, Math.min(slots, wanted));
        int live = ready.size() + busy.size() - stopWhenBack.size() - (retiring == null ? 0 : 1) + starting;
        for (int i = live; i < target && !closed; i++) {
            launch(false);
        }
    }

    /** Holding the lock: a worker past its limit, while no other is being replaced, gets its successor started. */
    private void beginRetirementIfDue() {
        if (retiring != null || closed) {
            return;
        }
        Worker due = null;
        for (Worker w : members()) {
            if (!stopWhenBack.contains(w) && w.served() >= retireAfter.getOrDefault(w, documentsPerWorker)
                    && (due == null || w.served() > due.served())) {
                due = w;
            }
        }
        if (due != null) {
            retiring = due;
            record(Change.REPLACING, due);
            launch(true);
        }
    }

    private void launch(boolean successor) {
        starting++;
        int index = launched++;
        record(Change.STARTING, null);
        try {
            starter.execute(() -> started(successor, index));
        } catch (RejectedExecutionException e) {
            starting--;
        }
    }

    /** On the starter thread: starts and warms one worker, then puts it to work. */
    private void started(boolean successor, int index) {
        Worker worker = null;
        Exception failure = null;
        try {
            worker = launcher.launch();
        } catch (IOException | Worker.TimedOut | Worker.Died | RuntimeException e) {
            failure = e;
        }
        Worker stop = null;
        Worker watch = null;
        lock.lock();
        try {
            starting--;
            lastStartFailed = worker == null;
            if (worker == null) {
                startFailures++;
                record(Change.START_FAILED, null);
                log.warn("A document parsing worker could not be started ({})", failure.getClass().getSimpleName());
                if (successor && retiring != null) {
                    // the worker to be replaced carries on; its replacement is tried again after more documents
                    retireAfter.merge(retiring, Math.max(1, documentsPerWorker / 10), Integer::sum);
                    retiring = null;
                }
                changed.signalAll();
                return;
            }
            if (closed) {
                stop = worker;
                return;
            }
            // the first workers' limits are spread so that they do not all retire at about the same moment
            retireAfter.put(worker, index < slots
                    ? Math.max(1, documentsPerWorker * (index + 1) / slots) : documentsPerWorker);
            ready.addLast(worker);
            watch = worker;
            record(Change.READY, worker);
            if (successor && retiring != null) {
                Worker old = retiring;
                retiring = null;
                if (ready.remove(old)) {
                    retireAfter.remove(old);
                    record(Change.RETIRED, old);
                    stop = old;
                } else if (busy.contains(old)) {
                    stopWhenBack.add(old);
                }
            }
            beginRetirementIfDue();
            changed.signalAll();
        } finally {
            lock.unlock();
            if (stop != null) {
                stopLater(stop);
            }
        }
        if (watch != null) {
            Worker started = watch;
            started.onExit(() -> exited(started));
        }
    }

    private void stopLater(Worker worker) {
        try {
            reaper.execute(worker::stop);
        } catch (RejectedExecutionException e) {
            worker.stop();
        }
    }

    private List<Worker> members() {
        List<Worker> all = new ArrayList<>(ready);
        all.addAll(busy);
        return all;
    }

    private void record(Change change, Worker worker) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(new Event(change, worker == null ? -1 : worker.pid(), worker == null ? 0 : worker.served()));
    }

    /** How the workers stand now: for health and monitoring. */
    PoolStatus status() {
        lock.lock();
        try {
            return new PoolStatus(slots, ready.size(), busy.size(), starting, restarts, startFailures,
                    lastStartFailed);
        } finally {
            lock.unlock();
        }
    }

    /** Workers replaced after dying or being killed. */
    int restarts() {
        lock.lock();
        try {
            return restarts;
        } finally {
            lock.unlock();
        }
    }

    /** The process ids of the running workers (ready or busy). */
    List<Long> pids() {
        return underLock(() -> members().stream().map(Worker::pid).toList());
    }

    /** The process ids of the workers ready for a document now. */
    List<Long> readyPids() {
        return underLock(() -> ready.stream().map(Worker::pid).toList());
    }

    /** The process ids of the workers reading a document now. */
    List<Long> busyPids() {
        return underLock(() -> busy.stream().map(Worker::pid).toList());
    }

    /** The last changes, oldest first. */
    List<Event> history() {
        return underLock(() -> List.copyOf(history));
    }

    @Override
    public void close() {
        List<Worker> all;
        lock.lock();
        try {
            closed = true;
            all = members();
            ready.clear();
            busy.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        all.forEach(Worker::stop);
        starter.shutdownNow();
        reaper.shutdown();
    }

    private <T> T underLock(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
