package uk.gov.redbridge.onepanel.links;

/** The secretariat's say on a link. */
public enum LinkState {
    /** Found by the service; nobody has confirmed or rejected it yet. */
    FOUND("Not yet checked"),
    CONFIRMED("Confirmed"),
    /** Never shown as a link again, nor found again for the same evidence. */
    REJECTED("Rejected");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
