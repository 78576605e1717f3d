package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.time.Duration;

/**
 * How parsing workers are run.
 *
 * @param workers            how many worker processes at most, each parsing one document at a time
 * @param heapMegabytes      each worker's heap ({@code -Xmx}); a document that needs more ends as {@code too_large}
 * @param timeout            the longest reading one document may take before its worker is killed ({@code timeout});
 *                           counted from the moment the document is found within its size limits (see
 *                           {@link #checkTimeout()})
 * @param documentsPerWorker a worker is replaced after this many documents, so that no parser state accumulates
 * @param startTimeout       the longest a worker may take to start
 * @param prestart           start and warm every worker at once, in the background, rather than when documents
 *                           first need them
 */
public record WorkerOptions(int workers, int heapMegabytes, Duration timeout, int documentsPerWorker,
        Duration startTimeout, boolean prestart) {

    /** Workers started as documents need them. */
    public WorkerOptions(int workers, int heapMegabytes, Duration timeout, int documentsPerWorker,
            Duration startTimeout) {
        this(workers, heapMegabytes, timeout, documentsPerWorker, startTimeout, false);
    }

    /**
     * The longest the size checks before reading may take (the file's parts, a PDF's page count): the longer of the
     * reading and start time limits. They are cheap (a 100,000-page PDF is loaded and counted in 0.3-1.3 s on the
     * 2-core machine, alone) but they decide whether a document is too large, and that must not turn into a
     * timeout because the machine is busy; they are still bounded, as a parser's loading a file can loop too.
     */
    public Duration checkTimeout() {
        return timeout.compareTo(startTimeout) >= 0 ? timeout : startTimeout;
    }
}
