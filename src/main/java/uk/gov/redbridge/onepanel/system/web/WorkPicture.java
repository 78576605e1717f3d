package uk.gov.redbridge.onepanel.system.web;

import java.time.Duration;
import java.time.Instant;

/**
 * Work in flight and work stuck, with the oldest of each (counts and ages only, no personal data): for
 * {@code /actuator/health/work} and the dashboard.
 *
 * @param eventsInFlight      event publications not completed (queued, running, or waiting to be retried)
 * @param oldestInFlight      how long the oldest of them has been waiting, or null
 * @param eventsStuck         publications whose listener keeps failing, or that nobody is carrying
 * @param oldestStuck         the oldest stuck one's age, or null
 * @param mailWaiting         outbound mail waiting to go (PENDING, RETRY)
 * @param oldestMailWaiting   the oldest waiting mail's age, or null
 * @param mailSending         outbound mail being handed to the mail server right now
 * @param raisedLastDay       work the sweep of truth could not finish and raised as an exception, last 24 hours
 * @param lastSweep           when the sweep of truth last ran here, or null
 * @param lastSweepFinished   what that sweep found unfinished and finished
 */
public record WorkPicture(Instant at, int eventsInFlight, Duration oldestInFlight, int eventsStuck,
        Duration oldestStuck, int mailWaiting, Duration oldestMailWaiting, int mailSending, int raisedLastDay,
        Instant lastSweep, int lastSweepFinished) {

    public boolean stuck() {
        return eventsStuck > 0 || raisedLastDay > 0;
    }

    public String oldestInFlightText() {
        return age(oldestInFlight);
    }

    public String oldestStuckText() {
        return age(oldestStuck);
    }

    public String oldestMailWaitingText() {
        return age(oldestMailWaiting);
    }

    /** "4 min", "35 s", "2 h 5 min": for the page. */
    public static String age(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** Where the picture comes from (system.internal). */
    public interface Source {
        WorkPicture picture();
    }
}
