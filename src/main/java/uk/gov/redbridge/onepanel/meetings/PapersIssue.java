package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;

/**
 * The papers of a meeting being issued in the background, as the meeting page shows it: how far the collating has
 * gone, and how it ended.
 *
 * @param done  referrals whose papers are collated so far
 * @param total referrals on the agenda
 * @param issue the issue number sent, when {@link State#ISSUED}
 */
public record PapersIssue(MeetingId meeting, State state, int done, int total, Integer issue, Instant startedAt,
        Instant finishedAt, String startedBy) {

    public enum State {
        /** Collating the papers, then sending them. */
        RUNNING,
        /** Sent to the members. */
        ISSUED,
        /** Nothing had changed since the last issue: nothing was sent. */
        UNCHANGED,
        /** It could not be done; the service's log says why. */
        FAILED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
