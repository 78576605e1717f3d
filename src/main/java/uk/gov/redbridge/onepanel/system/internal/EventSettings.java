package uk.gov.redbridge.onepanel.system.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event publications that did not complete are finished (docs/reliability.md, "Events between modules").
 *
 * @param checkInterval  how often the registry is checked for abandoned and failed publications
 * @param heartbeat      how often an instance shows that the publications it holds (queued or running) are alive
 * @param abandonedAfter a publication not shown alive for this long was left by an instance that stopped: it is
 *                       delivered again. Several heartbeats long, so a busy instance is never raced.
 * @param singleInstance only one instance uses the database (embedded H2, whose file lock admits one process): at
 *                       start-up, whatever was in flight was left by a dead process and is delivered again at once
 * @param retry          when a publication whose listener failed is delivered again
 * @param transientRetry a listener failing on a lock timeout, deadlock or lost connection is run again at once, in
 *                       the same thread, this many times with this backoff, before it counts as failed
 * @param keepCompleted  completed publications are deleted after this long ({@link CompletedPublicationsPurge})
 * @param purgeInterval  how often they are deleted
 */
@ConfigurationProperties("onepanel.events")
record EventSettings(
        @DefaultValue("PT5S") Duration checkInterval,
        @DefaultValue("PT10S") Duration heartbeat,
        @DefaultValue("PT60S") Duration abandonedAfter,
        @DefaultValue("false") boolean singleInstance,
        @DefaultValue Retry retry,
        @DefaultValue TransientRetry transientRetry,
        @DefaultValue("P7D") Duration keepCompleted,
        @DefaultValue("PT1H") Duration purgeInterval) {

    /**
     * @param first       wait before the first redelivery of a failed publication
     * @param max         the longest wait (the wait doubles per attempt)
     * @param maxAttempts after this many deliveries a publication counts as stuck (health DOWN, the dashboard); it
     *                    is still tried every {@code max}, so it completes by itself once the cause is mended
     */
    record Retry(@DefaultValue("PT5S") Duration first, @DefaultValue("PT5M") Duration max,
            @DefaultValue("8") int maxAttempts) {

        Duration after(int attempts) {
            Duration wait = first;
            for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    record TransientRetry(@DefaultValue("4") int retries, @DefaultValue("PT0.2S") Duration first,
            @DefaultValue("PT3S") Duration max) {
    }
}
