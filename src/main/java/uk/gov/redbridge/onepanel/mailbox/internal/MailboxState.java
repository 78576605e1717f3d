package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Instant;

/**
 * What is known of one mailbox's checks, shared by every instance through the database.
 *
 * @param failureKind   null after a successful check
 * @param nextAttemptAt null, or the time before which the mailbox is not tried again (backoff)
 * @param uidValidity   the inbox folder's UIDVALIDITY at the last successful check
 * @param capabilities  the IMAP capabilities in use, e.g. {@code IDLE MOVE UIDPLUS}
 */
record MailboxState(String mailbox, Instant lastSuccessAt, Instant lastFailureAt, int consecutiveFailures,
        FailureKind failureKind, Instant nextAttemptAt, Long uidValidity, String capabilities) {

    static MailboxState neverChecked(String mailbox) {
        return new MailboxState(mailbox, null, null, 0, null, null, null, null);
    }

    boolean dueAt(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }
}
