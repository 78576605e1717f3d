package uk.gov.redbridge.onepanel.system;

/** What a signed-in user may do. */
public enum Role {
    /** Everything the secretariat does: the queue, corrections, requests, meetings. */
    SECRETARIAT,
    /** Read, and record decisions. */
    CHAIR,
    /** Read only. */
    READONLY,
    /** The JSON API (HTTP Basic), for integrations and checks. */
    API;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
