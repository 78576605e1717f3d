package uk.gov.redbridge.onepanel.shared;

/**
 * The statutory route a referral takes (terms of reference, Appendix A). The panel may later decide that a case
 * meets more than one review type; the pathway is the route its screening follows.
 */
public enum Pathway {
    /** Safeguarding Adults Review, Care Act 2014 s44; RSAB holds the duty. */
    ADULTS_SAR("RSAB"),
    /** Rapid Review / Child Safeguarding Practice Review, Working Together; RSCP holds the duty. */
    CHILDREN_CSPR("RSCP"),
    /**
     * Domestic Homicide Review, DVCVA 2004 s9, being renamed Domestic Abuse Related Death Review (Victims and
     * Prisoners Act 2024 s19): both names are shown. The CSP holds the duty.
     */
    DOMESTIC_HOMICIDE("CSP"),
    /** Below the statutory threshold, referred for learning only. */
    LEARNING_ONLY("One Panel");

    private final String dutyHolder;

    Pathway(String dutyHolder) {
        this.dutyHolder = dutyHolder;
    }

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }

    /** The board or partnership that holds the statutory duty for this pathway. */
    public String dutyHolder() {
        return dutyHolder;
    }
}
