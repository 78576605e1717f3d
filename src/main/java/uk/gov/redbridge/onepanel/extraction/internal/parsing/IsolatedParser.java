package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Parses documents in a pool of worker JVMs (RELIABILITY.md section 1: process isolation is the primary defence).
 * Each worker has its own heap cap and exits on running out of memory; a document that takes longer than the
 * timeout has its worker killed. A worker that dies on a document for no known reason is given one more try on
 * another worker; the service itself is never at risk. Workers are started, warmed, retired and replaced in the
 * background by the {@link WorkerPool}: a document waits for a free worker, never for one to start (unless none has
 * started yet).
 */
public final class IsolatedParser implements DocumentParser {

    private static final Logger log = LoggerFactory.getLogger(IsolatedParser.class);

    private final ReadingLimits limits;
    private final WorkerOptions options;
    private final Semaphore permits;
    private final ExecutorService readers;
    private final WorkerPool pool;

    public IsolatedParser(ReadingLimits limits, WorkerOptions options) {
        this(limits, options, UnaryOperator.identity());
    }

    /** @param launcher wraps the launcher that starts and warms real workers (tests hold it back to order things) */
    IsolatedParser(ReadingLimits limits, WorkerOptions options, UnaryOperator<WorkerPool.Launcher> launcher) {
        this.limits = limits;
        this.options = options;
        this.permits = new Semaphore(options.workers(), true);
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "parse-worker-io");
            t.setDaemon(true);
            return t;
        };
        this.readers = Executors.newCachedThreadPool(daemons);
        this.pool = new WorkerPool(options.workers(), options.documentsPerWorker(),
                launcher.apply(new WorkerLauncher(options, limits, readers)));
        if (options.prestart()) {
            pool.startAll();
        }
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
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis());
        acquire(deadline);
        try {
            for (int attempt = 1; ; attempt++) {
                Worker worker = borrow(deadline);
                try {
                    Worker.Reply reply = worker.parse(fileName, content, limits, options.checkTimeout().toMillis(),
                            options.timeout().toMillis(), Math.max(64L << 20, limits.maxTextChars() * 16));
                    pool.giveBack(worker);
                    if (reply.failure() != null) {
                        throw new ReadFailure(reply.failure().reason(), reply.failure().explanation());
                    }
                    return reply.layout();
                } catch (Worker.TimedOut e) {
                    pool.discard(worker);
                    if (e.checking) {
                        throw new ReadFailure(FailureReason.TIMEOUT, "checking the document's size took longer than"
                                + " the limit of " + options.checkTimeout().toSeconds() + " seconds and was stopped");
                    }
                    throw new ReadFailure(FailureReason.TIMEOUT, "reading the document took longer than the limit of "
                            + options.timeout().toSeconds() + " seconds and was stopped");
                } catch (Worker.Died e) {
                    pool.discard(worker);
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted();
                    }
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

    /** The longest a document waits for a worker: a few documents' worth of timeouts, and a start. */
    private long waitMillis() {
        return (options.checkTimeout().toMillis() + options.timeout().toMillis()) * 4
                + options.startTimeout().toMillis();
    }

    private void acquire(long deadline) throws ReadFailure {
        try {
            if (!permits.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new ReadFailure(FailureReason.TIMEOUT, "no parser was free to read the document in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    private Worker borrow(long deadline) throws ReadFailure {
        try {
            return pool.borrow(deadline);
        } catch (WorkerPool.NoWorker e) {
            if (e.startFailed) {
                // not a problem of the document: the caller must retry later
                throw new IllegalStateException("a document parsing worker could not be started");
            }
            throw new ReadFailure(FailureReason.TIMEOUT, "no parser was free to read the document in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    /**
     * The caller was interrupted (the service is stopping): nothing is known about the document, so this is not a
     * {@link ReadFailure}; the caller's work fails and is done again later.
     */
    private static IllegalStateException interrupted() {
        return new IllegalStateException("interrupted while reading a document (the service is stopping?)");
    }

    /** How many documents are read at once. */
    public int slots() {
        return options.workers();
    }

    /** How the workers stand now, for health and monitoring. */
    public PoolStatus status() {
        return pool.status();
    }

    /** Workers replaced after dying or being killed, for monitoring. */
    public int restarts() {
        return pool.restarts();
    }

    /** The process ids of the running workers, for monitoring and for tests that must kill one. */
    public List<Long> workerPids() {
        return pool.pids();
    }

    /** The process ids of the workers started, warm and waiting for a document. */
    public List<Long> readyWorkerPids() {
        return pool.readyPids();
    }

    /** The process ids of the workers reading a document now. */
    public List<Long> busyWorkerPids() {
        return pool.busyPids();
    }

    /** What happened to the workers lately, oldest first. */
    List<WorkerPool.Event> history() {
        return pool.history();
    }

    @Override
    public void close() {
        pool.close();
        readers.shutdownNow();
    }
}
