package uk.gov.redbridge.onepanel.links;

/** How much the evidence of a link weighs. WEAK is never a link: it is shown as a suggestion to check. */
public enum LinkStrength {
    STRONG("Strong"),
    MODERATE("Moderate"),
    WEAK("Weak: a suggestion only");

    private final String label;

    LinkStrength(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isLink() {
        return this != WEAK;
    }
}
