package uk.gov.redbridge.onepanel.meetings;

/** Review methodology options (terms of reference, Appendix D). */
public enum Methodology {
    APPRECIATIVE_INQUIRY("Appreciative inquiry"),
    REFLECTIVE_LEARNING_SESSION("Reflective learning session or multi-agency practitioner event"),
    RAPID_REVIEW_APPROACH("Rapid review approach"),
    INDIVIDUAL_AGENCY_REVIEW("Individual agency review"),
    MULTI_AGENCY_AUDIT("Multi-agency audit"),
    PEER_REVIEW("Peer review"),
    ROOT_CAUSE_ANALYSIS("Root cause analysis");

    private final String label;

    Methodology(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
