package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/** One parsing worker process and the pipes to it. */
final class Worker {

    /** The reply did not come in time: the worker has been killed. */
    static final class TimedOut extends Exception {
        /** true: the document's size checks did not end in time; false: its reading did not */
        final boolean checking;

        TimedOut() {
            this(false);
        }

        TimedOut(boolean checking) {
            super(null, null, false, false);
            this.checking = checking;
        }
    }

    /** The worker ended without replying. */
    static final class Died extends Exception {
        final int exitCode;

        Died(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** What a worker replied: a layout or a failure. */
    record Reply(DocumentLayout layout, Protocol.Failure failure) {
    }

    /** The exit status of {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private final Process process;
    private final Path tempDirectory;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final ExecutorService readers;
    // written by the thread that borrowed the worker, read by the pool when it decides which worker to retire
    private volatile int served;
    private volatile int warmedUp;

    private Worker(Process process, Path tempDirectory, ExecutorService readers) {
        this.process = process;
        this.tempDirectory = tempDirectory;
        this.readers = readers;
        this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    static Worker start(WorkerOptions options, ExecutorService readers) throws IOException, TimedOut, Died {
        Path temp = Files.createTempDirectory("onepanel-parse-");
        List<String> command = WorkerCommand.build(options, temp);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // Tesseract runs several threads by default: on a shared machine that makes OCR slower, not faster
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        Worker worker = new Worker(process, temp, readers);
        try {
            worker.awaitReady(options.startTimeout().toMillis());
        } catch (TimedOut | Died | IOException e) {
            worker.kill();
            throw e;
        }
        return worker;
    }

    private void awaitReady(long millis) throws TimedOut, Died, IOException {
        Future<Integer> ready = readers.submit(() -> Protocol.readTag(out));
        try {
            int tag = ready.get(millis, TimeUnit.MILLISECONDS);
            if (tag != Protocol.READY) {
                throw new IOException("unexpected greeting from a parsing worker");
            }
        } catch (TimeoutException e) {
            ready.cancel(true);
            throw new TimedOut();
        } catch (ExecutionException e) {
            throw new Died(exitCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a parsing worker");
        }
    }

    /**
     * Sends one document and waits for the reply, killing the worker if it does not come in time. The time limit is
     * for reading: it starts when the worker reports the document within its size limits ({@link Protocol#CHECKED}).
     * Those checks (the file's parts, a PDF's page count) are cheap and come first, so that a document over a limit
     * is refused as too large, whatever the machine's speed; they have a limit of their own, {@code checkMillis}.
     */
    Reply parse(String fileName, byte[] content, ReadingLimits limits, long checkMillis, long timeoutMillis,
            long maxReply) throws TimedOut, Died {
        served++;
        return exchange(fileName, content, limits, checkMillis, timeoutMillis, maxReply);
    }

    /**
     * Reads a warm-up document like any other, without counting it among the documents served: what it replies is
     * not used, only that it replied.
     */
    void warmUp(String fileName, byte[] content, ReadingLimits limits, long checkMillis, long timeoutMillis,
            long maxReply) throws TimedOut, Died {
        exchange(fileName, content, limits, checkMillis, timeoutMillis, maxReply);
        warmedUp++;
    }

    private Reply exchange(String fileName, byte[] content, ReadingLimits limits, long checkMillis,
            long timeoutMillis, long maxReply) throws TimedOut, Died {
        // completed with true when the worker reports its checks passed; with false when the reply (or a failure)
        // comes without that (a document refused by its size or pages): then the reply is already there
        CompletableFuture<Boolean> checked = new CompletableFuture<>();
        Future<Reply> reply = readers.submit(() -> {
            try {
                Protocol.writeRequest(in, fileName, limits, content);
                int tag = Protocol.readTag(out);
                if (tag == Protocol.CHECKED) {
                    checked.complete(true);
                    tag = Protocol.readTag(out);
                }
                byte[] body = Protocol.readBlock(out, maxReply);
                if (tag == Protocol.REPLY_LAYOUT) {
                    return new Reply(Protocol.JSON.readValue(body, DocumentLayout.class), null);
                }
                if (tag == Protocol.REPLY_FAILURE) {
                    return new Reply(null, Protocol.JSON.readValue(body, Protocol.Failure.class));
                }
                throw new IOException("unexpected reply from a parsing worker");
            } finally {
                checked.complete(false);
            }
        });
        boolean checking = true;
        try {
            boolean reading = checked.get(checkMillis, TimeUnit.MILLISECONDS);
            checking = false;
            // without CHECKED the reply is being handed over now: the reading limit does not apply to it (with a
            // limit of 1 ms, a refused document was once reported as TIMEOUT in the moment between the two)
            return reply.get(reading ? timeoutMillis : checkMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            reply.cancel(true);
            throw new TimedOut(checking);
        } catch (ExecutionException e) {
            // the pipe broke or the reply was unreadable: the worker is gone or unusable
            int code = exitCode();
            kill();
            throw new Died(code);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new Died(-1);
        }
    }

    int served() {
        return served;
    }

    /** Warm-up documents read. */
    int warmedUp() {
        return warmedUp;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Runs {@code action} once the process has ended, whoever ended it. */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** The exit code once the process has ended (waiting briefly), or -1. */
    private int exitCode() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Ends the worker now, whatever it is doing, and removes its temporary files. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTemp();
    }

    /** Asks the worker to finish (end of input) and waits a little before forcing it. */
    void stop() {
        try {
            in.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTemp();
    }

    private void deleteTemp() {
        try (Stream<Path> files = Files.walk(tempDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary file is harmless; the folder is under the system temp directory
        }
    }
}
