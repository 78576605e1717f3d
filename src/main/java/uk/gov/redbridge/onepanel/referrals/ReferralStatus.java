package uk.gov.redbridge.onepanel.referrals;

/** The referral lifecycle (WORKFLOWS.md). */
public enum ReferralStatus {
    RECEIVED("Received"),
    NEEDS_INFORMATION("Needs information"),
    SCREENING("Screening"),
    READY_FOR_PANEL("Ready for panel"),
    DECIDED("Decided"),
    REVIEW_IN_PROGRESS("Review in progress"),
    CLOSED("Closed");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
