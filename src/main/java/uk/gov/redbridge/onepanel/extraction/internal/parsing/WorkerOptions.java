package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import java.time.Duration;

/**
 * How parsing workers are run.
 *
 * @param workers            how many worker processes at most, each parsing one document at a time
 * @param heapMegabytes      each worker's heap ({@code -Xmx}); a document that needs more ends as {@code too_large}
 * @param timeout            the longest one document may take before its worker is killed ({@code timeout})
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
}
