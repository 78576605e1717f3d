package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step taken on a request: a reminder, overdue notice or escalation (at most one per request and kind, so that a
 * job run twice, or run after days of downtime, does each once), or a return added by hand.
 *
 * @param kind    {@code reminder:-1} (one working day before the due date), {@code reminder:0} (on it),
 *                {@code overdue}, {@code escalation}, {@code return-by-hand:1} (the first document added by hand,
 *                then {@code :2} ...)
 * @param dueOn   the day the step was due (for a return added by hand, the day it was added)
 * @param outcome SENT (queued to the outbox), BLOCKED (the outbox refused the recipient), SKIPPED (overtaken by a
 *                later step, e.g. a reminder found after the due date had passed), ADDED (a return added by hand)
 * @param doneBy  who took the step by hand; null for the service's daily job
 */
public record RequestAction(String kind, LocalDate dueOn, Instant doneAt, String outcome, UUID outboundMailId,
        String note, String doneBy) {
}
