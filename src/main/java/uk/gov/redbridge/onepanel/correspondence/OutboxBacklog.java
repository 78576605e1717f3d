package uk.gov.redbridge.onepanel.correspondence;

import java.time.Instant;

/** Mail waiting to go (PENDING or RETRY), mail being sent, and when the oldest waiting row was written (or null). */
public record OutboxBacklog(int waiting, int sending, Instant oldestWaiting) {
}
