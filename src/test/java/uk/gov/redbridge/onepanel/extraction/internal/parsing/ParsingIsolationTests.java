package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Hostile documents through the parsing workers (RELIABILITY.md section 1, P1-P5): whatever a document does to its
 * parser, the result is a failure with its reason, the service's JVM carries on, and the next document is read.
 */
class ParsingIsolationTests {

    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    static final Duration TIMEOUT = Duration.ofSeconds(6);
    static final IsolatedParser PARSER = new IsolatedParser(ReadingLimits.defaults(),
            new WorkerOptions(1, 384, TIMEOUT, 100, Duration.ofSeconds(90)));
    /** a page of drawing operators that takes minutes to read */
    static final byte[] ENDLESS = HostileFiles.endlessPdf(600);

    @Test
    void p1AZipBombIsRefusedAndTheServiceNeverInflatesIt() throws Exception {
        assertFails(HostileFiles.zipBombDocx(200, false), "form.docx", FailureReason.TOO_LARGE);
        assertFails(HostileFiles.zipBombDocx(200, true), "form.docx", FailureReason.TOO_LARGE);
        assertFails(HostileFiles.manyEntries(10_000), "form.docx", FailureReason.TOO_LARGE);
        assertReadsAForm();
    }

    @Test
    void aDocumentCheckedToBeKeptIsReadInTheWorkerWithinItsOwnLimits() throws Exception {
        byte[] longScan = HostileFiles.pdfWithPages(120);
        assertFails(longScan, "chronology.pdf", FailureReason.TOO_LARGE);
        ReadFailure checked = org.junit.jupiter.api.Assertions.assertThrows(ReadFailure.class,
                () -> PARSER.parse("chronology.pdf", longScan, ReadingLimits.defaults().forChecking()));
        // past the page limit of a form, the worker reads every page of it: blank pages, so no text
        assertThat(checked.reason()).isEqualTo(FailureReason.EMPTY);
        assertReadsAForm();
    }

    @Test
    void p2EntitiesAreNeitherExpandedNorFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            listener.setSoTimeout(200);
            CompletableFuture<Void> accepting = CompletableFuture.runAsync(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/entity";
            for (Object[] file : new Object[][] {{HostileFiles.entityDocx(url), "form.docx"},
                    {HostileFiles.entityOdt(url), "form.odt"}}) {
                try {
                    DocumentLayout layout = PARSER.parse((String) file[1], (byte[]) file[0]);
                    assertThat(layout.text()).doesNotContain("root:").doesNotContain("lollollol");
                } catch (ReadFailure f) {
                    assertThat(f.reason()).isIn(FailureReason.CORRUPT, FailureReason.EMPTY, FailureReason.TOO_LARGE);
                    assertThat(f.explanation()).doesNotContain("root:");
                }
            }
            Thread.sleep(500);
            assertThat(connections.get()).as("connections to the entity's address").isZero();
            listener.close();
            accepting.get(5, TimeUnit.SECONDS);
        }
        assertReadsAForm();
    }

    @Test
    void p3APdfThatNeverEndsIsStoppedAtTheTimeoutAndTheNextDocumentIsRead() throws Exception {
        byte[] endless = ENDLESS;
        int restarts = PARSER.restarts();
        long start = System.nanoTime();
        assertFails(endless, "form.pdf", FailureReason.TIMEOUT);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        // the bound is the configured timeout (plus time to start a worker on a busy machine), not a speed target
        assertThat(seconds).isLessThan(TIMEOUT.toSeconds() + 60);
        assertThat(PARSER.restarts()).isGreaterThan(restarts);
        assertFails(HostileFiles.pdfWithPages(100_000), "form.pdf", FailureReason.TOO_LARGE);
        assertReadsAForm();
    }

    @Test
    void aPdfOverThePageLimitIsTooLargeHoweverLittleTimeReadingIsGiven() throws Exception {
        // the page count is checked before the reading time limit starts (issue 14: on a busy machine the
        // 100,000-page PDF of p3 was stopped as TIMEOUT before PDFBox had counted its pages); with a reading limit
        // no document could meet, the reason is still its pages
        try (IsolatedParser hurried = new IsolatedParser(ReadingLimits.defaults(),
                new WorkerOptions(1, 384, Duration.ofMillis(1), 100, Duration.ofSeconds(90)))) {
            assertThatThrownBy(() -> hurried.parse("form.pdf", HostileFiles.pdfWithPages(100_000)))
                    .isInstanceOfSatisfying(ReadFailure.class, f -> {
                        assertThat(f.reason()).as(f.explanation()).isEqualTo(FailureReason.TOO_LARGE);
                        assertThat(f.explanation()).contains("more than 50 pages");
                    });
        }
    }

    @Test
    void p4AWorkerThatDiesIsReportedAndReplaced() throws Exception {
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(),
                new WorkerOptions(1, 384, Duration.ofSeconds(120), 100, Duration.ofSeconds(90)))) {
            byte[] endless = ENDLESS;
            CompletableFuture<ReadFailure> parsing = CompletableFuture.supplyAsync(() -> {
                try {
                    parser.parse("form.pdf", endless);
                    return null;
                } catch (ReadFailure f) {
                    return f;
                }
            });
            // kill the worker while it reads, then the worker given the second try
            long first = killWorkerOf(parser, -1);
            killWorkerOf(parser, first);
            ReadFailure failure = parsing.get(120, TimeUnit.SECONDS);
            assertThat(failure).isNotNull();
            assertThat(failure.reason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(failure.explanation()).contains("stopped unexpectedly");
            assertThat(parser.parse("form.docx", FormDocuments.officialTables(SAMPLE)).text())
                    .contains("Fairweather");
        }
    }

    @Test
    void p4AWorkerThatRunsOutOfMemoryEndsAsTooLarge() throws Exception {
        try (IsolatedParser small = new IsolatedParser(ReadingLimits.defaults(),
                new WorkerOptions(1, 64, Duration.ofSeconds(120), 100, Duration.ofSeconds(90)))) {
            assertThatThrownBy(() -> small.parse("scan.png", HostileFiles.hugePng(7000)))
                    .isInstanceOfSatisfying(ReadFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(FailureReason.TOO_LARGE);
                        assertThat(f.explanation()).contains("more memory");
                    });
            assertThat(small.parse("form.docx", FormDocuments.officialTables(SAMPLE)).text()).contains("Fairweather");
        }
    }

    @Test
    void p5PasswordsAreNeverGuessedButAnOwnerPasswordDoesNotStopReading() throws Exception {
        byte[] pdf = FormPdfs.ruledTable(SAMPLE);
        assertFails(FormPdfs.protect(pdf, "owner-secret", "user-secret"), "form.pdf", FailureReason.ENCRYPTED);
        assertThat(PARSER.parse("form.pdf", FormPdfs.protect(pdf, "owner-secret", "")).text()).contains("Fairweather");
        assertFails(HostileFiles.passwordProtected(FormDocuments.officialTables(SAMPLE), "open-sesame"), "form.docx",
                FailureReason.ENCRYPTED);
    }

    /** Waits for a worker other than {@code previous} to be running, gives it a moment to get busy, kills it. */
    private static long killWorkerOf(IsolatedParser parser, long previous) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (long pid : parser.workerPids()) {
                if (pid != previous) {
                    Thread.sleep(1500);
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    return pid;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no worker started");
    }

    private static void assertFails(byte[] content, String name, FailureReason reason) {
        assertThatThrownBy(() -> PARSER.parse(name, content)).isInstanceOfSatisfying(ReadFailure.class,
                f -> assertThat(f.reason()).as(f.explanation()).isEqualTo(reason));
    }

    private static void assertReadsAForm() throws ReadFailure {
        assertThat(PARSER.parse("form.docx", FormDocuments.officialTables(SAMPLE)).text()).contains("Fairweather");
    }

    @AfterAll
    static void close() {
        PARSER.close();
    }
}
