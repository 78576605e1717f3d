package uk.gov.redbridge.onepanel.extraction.internal.parsing;

/**
 * How the parsing workers stand.
 *
 * @param slots           documents read at once, at most
 * @param ready           workers started, warm and waiting for a document
 * @param busy            workers reading a document
 * @param starting        workers being started and warmed
 * @param restarts        workers replaced after dying or being killed, since the start
 * @param startFailures   starts that failed, since the start
 * @param lastStartFailed whether the latest start failed
 */
public record PoolStatus(int slots, int ready, int busy, int starting, int restarts, int startFailures,
        boolean lastStartFailed) {
}
