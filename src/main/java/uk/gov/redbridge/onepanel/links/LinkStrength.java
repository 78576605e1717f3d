package uk.gov.redbridge.onepanel.links;

/** How much the evidence of a link weighs. WEAK is never a link: it is shown as a suggestion to check. */
public enum LinkStrength {
    STRONG,
    MODERATE,
    WEAK;

    /** In plain words (words/links.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    public boolean isLink() {
        return this != WEAK;
    }
}
