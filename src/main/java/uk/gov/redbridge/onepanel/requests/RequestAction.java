package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder, overdue notice or escalation: at most one per request and kind, so that a job run twice, or run after
 * days of downtime, does each once.
 *
 * @param kind    {@code reminder:-1} (one working day before the due date), {@code reminder:0} (on it),
 *                {@code overdue}, {@code escalation}
 * @param outcome SENT (queued to the outbox), BLOCKED (the outbox refused the recipient), SKIPPED (overtaken by a
 *                later step, e.g. a reminder found after the due date had passed)
 */
public record RequestAction(String kind, LocalDate dueOn, Instant doneAt, String outcome, UUID outboundMailId,
        String note) {
}
