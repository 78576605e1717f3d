package uk.gov.redbridge.onepanel.links;

/** What a link says about two referrals. */
public enum LinkKind {
    /** The subjects of the two referrals are the same person. */
    SAME_PERSON("Same person"),
    /** A person of one referral (its subject or a person in section 3) is named in section 3 of the other. */
    NAMED_AS_RELATIVE("Named as a relative or other person"),
    /** Two people of the two referrals live at the same address (same postcode and house number). */
    SAME_HOUSEHOLD("Same household");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
