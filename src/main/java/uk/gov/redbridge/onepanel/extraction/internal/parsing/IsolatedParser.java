package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Parses documents in a pool of worker JVMs (RELIABILITY.md section 1: process isolation is the primary defence).
 * Each worker has its own heap cap and exits on running out of memory; a document that takes longer than the
 * timeout has its worker killed. A dead or killed worker is replaced for the next document; the service itself is
 * never at risk. A worker that dies on a document for no known reason is given one more try on a fresh worker.
 */
public final class IsolatedParser implements DocumentParser {

    private static final Logger log = LoggerFactory.getLogger(IsolatedParser.class);

    private final ReadingLimits limits;
    private final WorkerOptions options;
    private final Semaphore permits;
    private final Deque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final ExecutorService readers;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closed;

    public IsolatedParser(ReadingLimits limits, WorkerOptions options) {
        this.limits = limits;
        this.options = options;
        this.permits = new Semaphore(options.workers(), true);
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "parse-worker-io");
            t.setDaemon(true);
            return t;
        };
        this.readers = Executors.newCachedThreadPool(daemons);
    }

    @Override
    public ReadingLimits limits() {
        return limits;
    }

    @Override
    public DocumentLayout parse(String fileName, byte[] content, ReadingLimits limits) throws ReadFailure {
        if (content == null || content.length == 0) {
            throw new ReadFailure(FailureReason.EMPTY, "the file is empty");
        }
        if (content.length > limits.maxBytes()) {
            throw new ReadFailure(FailureReason.TOO_LARGE, "the file is larger than the limit of "
                    + Math.max(1, limits.maxBytes() / (1024 * 1024)) + " MB");
        }
        acquire();
        try {
            for (int attempt = 1; ; attempt++) {
                Worker worker = borrow();
                try {
                    Worker.Reply reply = worker.parse(fileName, content, limits, options.timeout().toMillis(),
                            Math.max(64L << 20, limits.maxTextChars() * 16));
                    giveBack(worker);
                    if (reply.failure() != null) {
                        throw new ReadFailure(reply.failure().reason(), reply.failure().explanation());
                    }
                    return reply.layout();
                } catch (Worker.TimedOut e) {
                    discard(worker);
                    throw new ReadFailure(FailureReason.TIMEOUT, "reading the document took longer than the limit of "
                            + options.timeout().toSeconds() + " seconds and was stopped");
                } catch (Worker.Died e) {
                    discard(worker);
                    if (e.exitCode == Worker.OUT_OF_MEMORY_EXIT) {
                        throw new ReadFailure(FailureReason.TOO_LARGE, "reading the document needs more memory than"
                                + " the parser is allowed (" + options.heapMegabytes() + " MB)");
                    }
                    if (attempt >= 2) {
                        throw new ReadFailure(FailureReason.CORRUPT, "the parser stopped unexpectedly on this document"
                                + " twice");
                    }
                    log.warn("A parsing worker ended unexpectedly (exit {}); trying the document once more",
                            e.exitCode);
                }
            }
        } finally {
            permits.release();
        }
    }

    private void acquire() throws ReadFailure {
        try {
            long wait = options.timeout().toMillis() * 4 + options.startTimeout().toMillis();
            if (!permits.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                throw new ReadFailure(FailureReason.TIMEOUT, "no parser was free to read the document in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailure(FailureReason.TIMEOUT, "interrupted while waiting for a parser");
        }
    }

    private Worker borrow() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the document parser has been shut down");
            }
            while (!idle.isEmpty()) {
                Worker w = idle.pop();
                if (w.alive()) {
                    return w;
                }
                all.remove(w);
                restarts.incrementAndGet();
            }
        }
        try {
            Worker w = Worker.start(options, readers);
            synchronized (this) {
                all.add(w);
            }
            return w;
        } catch (IOException | Worker.TimedOut | Worker.Died e) {
            // not a problem of the document: the caller must retry later
            throw new IllegalStateException("a document parsing worker could not be started ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private void giveBack(Worker w) {
        boolean retire = w.served() >= options.documentsPerWorker() || !w.alive();
        synchronized (this) {
            if (!retire && !closed) {
                idle.push(w);
                return;
            }
            all.remove(w);
        }
        w.stop();
    }

    private void discard(Worker w) {
        synchronized (this) {
            all.remove(w);
        }
        restarts.incrementAndGet();
        w.kill();
    }

    /** Workers replaced after dying or being killed, for monitoring. */
    public int restarts() {
        return restarts.get();
    }

    /** The process ids of the running workers, for monitoring and for tests that must kill one. */
    public synchronized List<Long> workerPids() {
        return all.stream().map(Worker::pid).toList();
    }

    @Override
    public void close() {
        List<Worker> workers;
        synchronized (this) {
            closed = true;
            workers = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        workers.forEach(Worker::stop);
        readers.shutdownNow();
    }
}
