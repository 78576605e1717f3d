package uk.gov.redbridge.onepanel.meetings;

/** Review methodology options (terms of reference, Appendix D). */
public enum Methodology {
    APPRECIATIVE_INQUIRY,
    REFLECTIVE_LEARNING_SESSION,
    RAPID_REVIEW_APPROACH,
    INDIVIDUAL_AGENCY_REVIEW,
    MULTI_AGENCY_AUDIT,
    PEER_REVIEW,
    ROOT_CAUSE_ANALYSIS;

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
