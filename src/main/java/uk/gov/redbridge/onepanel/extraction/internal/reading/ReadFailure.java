package uk.gov.redbridge.onepanel.extraction.internal.reading;

import uk.gov.redbridge.onepanel.extraction.FailureReason;

/**
 * A document that cannot be read, with the reason and an explanation fit for the secretariat: it names the kind of
 * problem and never quotes the document.
 */
public class ReadFailure extends Exception {

    private final FailureReason reason;

    public ReadFailure(FailureReason reason, String explanation) {
        super(explanation);
        this.reason = reason;
    }

    public ReadFailure(FailureReason reason, String explanation, Throwable cause) {
        super(explanation, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }

    public String explanation() {
        return getMessage();
    }
}
