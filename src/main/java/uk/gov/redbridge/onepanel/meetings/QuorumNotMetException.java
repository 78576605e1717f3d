package uk.gov.redbridge.onepanel.meetings;

/** No decision without quorum: the message names the sectors nobody represents. */
public class QuorumNotMetException extends IllegalStateException {

    private final transient Quorum quorum;

    public QuorumNotMetException(Quorum quorum) {
        super(quorum.describe() + ": no decision can be recorded");
        this.quorum = quorum;
    }

    public Quorum quorum() {
        return quorum;
    }
}
