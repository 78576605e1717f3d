package uk.gov.redbridge.onepanel.correspondence;

/** Where an outbox row stands. Only PENDING and RETRY rows are ever sent automatically. */
public enum OutboundState {
    /** Written, waiting for the sender job. */
    PENDING,
    /** The sender has claimed it and may be talking to the SMTP server right now. */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** A temporary failure (4xx, connection): tried again after a backoff. */
    RETRY,
    /** A permanent failure (5xx) or retries exhausted: an exception for the secretariat. */
    FAILED,
    /** A recipient outside the allowed domains, or a loop guard tripped: never sent. */
    BLOCKED,
    /**
     * Found mid-send after a crash: the server may or may not have accepted it. SMTP cannot be exactly-once, so it
     * is never resent automatically; the secretariat decides.
     */
    UNCERTAIN,
    /** Sent, then a delivery failure report came back for it. */
    BOUNCED;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    public boolean finished() {
        return this == SENT || this == FAILED || this == BLOCKED || this == BOUNCED;
    }
}
