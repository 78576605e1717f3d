package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.WorkerPool.Change;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.WorkerPool.Event;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * The worker pool's promises, with real worker JVMs: workers are started and warmed before any document needs them;
 * a retiring worker's successor is ready before it retires, and retirements come one at a time; a worker that dies
 * is replaced in the background while the others carry on. The order of things is checked, never how long they
 * take: the start of replacement workers is held back at a gate that the test opens, so "documents are read while
 * the replacement is not ready" is a fact, not a race. (The timeouts only stop a broken pool from hanging the build.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WorkerPoolTests {

    static final byte[] FORM = FormDocuments.officialTables(SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY));

    @Test
    void theLauncherWarmsAWorkerWithRealDocumentsWithoutCountingThem() throws Exception {
        ExecutorService readers = Executors.newCachedThreadPool();
        WorkerOptions options = options(1, 100, false);
        Worker worker = new WorkerLauncher(options, ReadingLimits.defaults(), readers).launch();
        try {
            assertThat(worker.warmedUp()).isEqualTo(WarmUpDocuments.all().size());
            assertThat(worker.served()).isZero();
            assertThat(worker.alive()).isTrue();
        } finally {
            worker.stop();
            readers.shutdownNow();
        }
    }

    @Test
    void workersAreWarmBeforeTheFirstDocumentAndAnIdleWorkerThatDiesIsReplacedWhileTheOtherReads() throws Exception {
        Gate gate = new Gate(2);
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(2, 100, true), gate)) {
            awaitUntil(() -> parser.readyWorkerPids().size() == 2);
            assertThat(changes(parser)).containsExactly(Change.STARTING, Change.STARTING, Change.READY, Change.READY);
            List<Long> warm = parser.readyWorkerPids();

            // the first document goes to a worker already warm: no worker is started for it
            assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            assertThat(changes(parser)).hasSize(4);
            assertThat(parser.workerPids()).containsExactlyInAnyOrderElementsOf(warm);

            // one worker ends while idle; its replacement is held at the gate ...
            long killed = warm.get(0);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            awaitUntil(() -> parser.history().stream().anyMatch(e -> e.change() == Change.DIED && e.pid() == killed));
            // ... and documents are read meanwhile by the other, without waiting for it
            for (int i = 0; i < 3; i++) {
                assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            }
            assertThat(parser.workerPids()).containsExactly(warm.get(1));
            assertThat(eventsAfterLast(parser, Change.DIED)).extracting(Event::change).containsExactly(Change.STARTING);

            gate.open(1);
            awaitUntil(() -> parser.readyWorkerPids().size() == 2);
            assertThat(parser.workerPids()).contains(warm.get(1)).doesNotContain(killed);
            assertThat(parser.restarts()).isEqualTo(1);
        }
    }

    @Test
    void aWorkerKilledWhileReadingIsReplacedInTheBackgroundAndTheDocumentTriedOnTheOtherWarmWorker() throws Exception {
        Gate gate = new Gate(2);
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(2, 100, true), gate)) {
            awaitUntil(() -> parser.readyWorkerPids().size() == 2);
            List<Long> warm = parser.readyWorkerPids();
            byte[] endless = HostileFiles.endlessPdf(600);
            CompletableFuture<FailureReason> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    parser.parse("form.pdf", endless);
                    return null;
                } catch (ReadFailure f) {
                    return f.reason();
                }
            });
            awaitUntil(() -> parser.busyWorkerPids().size() == 1);
            long first = parser.busyWorkerPids().get(0);
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            // the second try goes to the other worker, warm since the start, while the replacement is held back
            awaitUntil(() -> parser.busyWorkerPids().size() == 1 && parser.busyWorkerPids().get(0) != first);
            long second = parser.busyWorkerPids().get(0);
            assertThat(warm).contains(first, second);
            ProcessHandle.of(second).orElseThrow().destroyForcibly();
            assertThat(reading.get(5, TimeUnit.MINUTES)).isEqualTo(FailureReason.CORRUPT);
            assertThat(parser.history()).extracting(Event::change).filteredOn(c -> c == Change.READY).hasSize(2);

            gate.open(2);
            assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            awaitUntil(() -> parser.readyWorkerPids().size() == 2);
            assertThat(parser.workerPids()).doesNotContain(first, second);
            assertThat(parser.restarts()).isEqualTo(2);
        }
    }

    @Test
    void aRetiringWorkersSuccessorIsReadyBeforeItRetiresAndRetirementsComeOneAtATime() throws Exception {
        Gate gate = new Gate(2);
        // 4 documents a worker: the first two workers retire after 2 and 4 documents (staggered)
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(2, 4, true), gate)) {
            awaitUntil(() -> parser.readyWorkerPids().size() == 2);
            List<Long> first = parser.readyWorkerPids();

            // documents one at a time: the first worker reaches its limit at its second document, and its successor
            // (held at the gate) starts; while it does, both carry on, well past the second one's limit too
            for (int i = 0; i < 10; i++) {
                assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            }
            assertThat(changes(parser)).containsExactly(Change.STARTING, Change.STARTING, Change.READY, Change.READY,
                    Change.REPLACING, Change.STARTING);
            Event replacing = parser.history().get(4);
            assertThat(replacing.pid()).isEqualTo(first.get(0));
            assertThat(replacing.served()).isEqualTo(2);
            assertThat(parser.workerPids()).containsExactlyInAnyOrderElementsOf(first);

            // the successor is let through: ready, then the first worker retires, then the second one's turn comes
            gate.open(1);
            awaitUntil(() -> changes(parser).size() >= 10);
            List<Event> after = parser.history().subList(6, 10);
            assertThat(after).extracting(Event::change).containsExactly(Change.READY, Change.RETIRED, Change.REPLACING,
                    Change.STARTING);
            assertThat(after.get(1).pid()).isEqualTo(first.get(0));
            assertThat(after.get(2).pid()).isEqualTo(first.get(1));
            assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");

            gate.open(1);
            awaitUntil(() -> changes(parser).size() >= 12);
            assertThat(parser.history().subList(10, 12)).extracting(Event::change)
                    .containsExactly(Change.READY, Change.RETIRED);
            assertThat(parser.history().get(11).pid()).isEqualTo(first.get(1));
            awaitUntil(() -> parser.workerPids().size() == 2 && parser.workerPids().stream().noneMatch(first::contains));
            assertThat(parser.restarts()).isZero();
            assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            assertThat(changes(parser)).filteredOn(c -> c == Change.READY).hasSize(4);
        }
    }

    @Test
    void withoutPrestartNothingStartsUntilADocumentNeedsAWorker() throws Exception {
        Gate gate = new Gate(1);
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(2, 100, false), gate)) {
            assertThat(parser.history()).isEmpty();
            assertThat(parser.parse("form.docx", FORM).text()).contains("Fairweather");
            // one document at a time needs one worker
            assertThat(changes(parser)).containsExactly(Change.STARTING, Change.READY);
        }
    }

    @Test
    void aWorkerThatCannotBeStartedFailsTheDocumentAtOnceAsNotTheDocumentsFault() {
        AtomicInteger attempts = new AtomicInteger();
        UnaryOperator<WorkerPool.Launcher> broken = real -> () -> {
            attempts.incrementAndGet();
            throw new IOException("no java here");
        };
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(2, 100, true), broken)) {
            assertThatThrownBy(() -> parser.parse("form.docx", FORM)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not be started");
            // each document tries once more: a later one may find the fault gone
            int before = attempts.get();
            assertThatThrownBy(() -> parser.parse("form.docx", FORM)).isInstanceOf(IllegalStateException.class);
            assertThat(attempts.get()).isGreaterThan(before);
        }
    }

    @Test
    void aReadInterruptedBecauseTheServiceStopsIsNotBlamedOnTheDocument() throws Exception {
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options(1, 100, true))) {
            awaitUntil(() -> parser.readyWorkerPids().size() == 1);
            byte[] endless = HostileFiles.endlessPdf(600);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    parser.parse("form.pdf", endless);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            reader.start();
            awaitUntil(() -> parser.busyWorkerPids().size() == 1);
            reader.interrupt();
            // not a ReadFailure (which intake would record as the email's outcome): the work is done again later
            assertThat(outcome.get(5, TimeUnit.MINUTES)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("interrupted");
        }
    }

    private static WorkerOptions options(int workers, int documentsPerWorker, boolean prestart) {
        return new WorkerOptions(workers, 256, Duration.ofSeconds(120), documentsPerWorker, Duration.ofSeconds(120),
                prestart);
    }

    private static List<Change> changes(IsolatedParser parser) {
        return parser.history().stream().map(Event::change).toList();
    }

    private static List<Event> eventsAfterLast(IsolatedParser parser, Change change) {
        List<Event> history = parser.history();
        int last = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).change() == change) {
                last = i;
            }
        }
        return history.subList(last + 1, history.size());
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Lets a number of worker starts through, then holds the others until the test opens it further. */
    static final class Gate implements UnaryOperator<WorkerPool.Launcher> {

        private final Semaphore permits;

        Gate(int open) {
            this.permits = new Semaphore(open);
        }

        void open(int more) {
            permits.release(more);
        }

        @Override
        public WorkerPool.Launcher apply(WorkerPool.Launcher real) {
            return () -> {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("closed while held at the gate");
                }
                return real.launch();
            };
        }
    }
}
