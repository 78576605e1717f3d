package uk.gov.redbridge.onepanel.links;

/** The secretariat's say on a link. */
public enum LinkState {
    /** Found by the service; nobody has confirmed or rejected it yet. */
    FOUND,
    CONFIRMED,
    /** Never shown as a link again, nor found again for the same evidence. */
    REJECTED;

    /** In plain words (words/links.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
