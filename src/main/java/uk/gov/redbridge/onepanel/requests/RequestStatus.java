package uk.gov.redbridge.onepanel.requests;

/**
 * Where an information request stands: {@code DRAFT → SENT → REMINDED → RETURNED | NOT_KNOWN | OVERDUE → ESCALATED},
 * or {@code CANCELLED} when the secretariat takes the agency off the referral. An overdue or escalated request that
 * is answered late becomes RETURNED or NOT_KNOWN.
 */
public enum RequestStatus {
    /** Written, not sent yet: the hold lets the secretariat add or remove an agency first. */
    DRAFT,
    SENT,
    /** At least one reminder went. */
    REMINDED,
    /** The agency's return is in. */
    RETURNED,
    /** The agency answered that the person is not known to its service. */
    NOT_KNOWN,
    /** Past its due date without an answer. */
    OVERDUE,
    /** Overdue, and the secretariat has been told. */
    ESCALATED,
    /** Taken off the referral by the secretariat. */
    CANCELLED;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    /** Still waiting for the agency. */
    public boolean awaitingAnswer() {
        return this == SENT || this == REMINDED || this == OVERDUE || this == ESCALATED;
    }

    /** Answered (a return or "not known"). */
    public boolean answered() {
        return this == RETURNED || this == NOT_KNOWN;
    }

    /** Counts as settled for the panel: answered, or past its deadline. */
    public boolean settledForPanel() {
        return answered() || this == OVERDUE || this == ESCALATED;
    }
}
