package uk.gov.redbridge.onepanel.meetings;

/** For a Safeguarding Adults Review: every SAR is statutory; it is mandatory or discretionary (Care Act 2014 s44). */
public enum SarBasis {
    MANDATORY("Mandatory: Care Act 2014 s44(1)-(3)"),
    DISCRETIONARY("Discretionary: Care Act 2014 s44(4)");

    private final String label;

    SarBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
