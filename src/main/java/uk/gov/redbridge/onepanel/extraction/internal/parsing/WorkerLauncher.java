package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Starts a worker JVM and has it read the {@link WarmUpDocuments} before it is given a real one. A worker that cannot
 * read them in time, or dies on them, is not used.
 */
final class WorkerLauncher implements WorkerPool.Launcher {

    private static final Logger log = LoggerFactory.getLogger(WorkerLauncher.class);

    private final WorkerOptions options;
    private final ReadingLimits limits;
    private final ExecutorService readers;

    WorkerLauncher(WorkerOptions options, ReadingLimits limits, ExecutorService readers) {
        this.options = options;
        // the warm-up documents have text: nothing for OCR to do, and no Tesseract started for them
        this.limits = limits.withOcr(new ReadingLimits.Ocr(false, limits.ocr().tesseract(), limits.ocr().language(),
                limits.ocr().dpi(), limits.ocr().maxPages(), limits.ocr().timeoutSeconds()));
        this.readers = readers;
    }

    @Override
    public Worker launch() throws IOException, Worker.TimedOut, Worker.Died {
        long begin = System.nanoTime();
        Worker worker = Worker.start(options, readers);
        long started = System.nanoTime();
        try {
            for (WarmUpDocuments.Document document : WarmUpDocuments.all()) {
                // part of starting the worker, and a cold parser on a busy machine is slow: each warm-up document
                // has the longer of the start and reading limits (a real document's limits are no shorter)
                long limit = options.checkTimeout().toMillis();
                worker.warmUp(document.fileName(), document.content(), limits, limit, limit, 64L << 20);
            }
        } catch (Worker.TimedOut | Worker.Died e) {
            worker.kill();
            throw e;
        }
        long warmed = System.nanoTime();
        log.info("Parsing worker {} started in {} ms and warmed in {} ms", worker.pid(),
                TimeUnit.NANOSECONDS.toMillis(started - begin), TimeUnit.NANOSECONDS.toMillis(warmed - started));
        return worker;
    }
}
