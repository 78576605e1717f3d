package uk.gov.redbridge.onepanel.referrals;

/** The referral lifecycle (WORKFLOWS.md). */
public enum ReferralStatus {
    RECEIVED,
    NEEDS_INFORMATION,
    SCREENING,
    READY_FOR_PANEL,
    DECIDED,
    REVIEW_IN_PROGRESS,
    CLOSED;

    /**
     * Reached only through the panel's recorded recommendation (and the board's decision after it), never set by
     * hand: a referral is not "decided" without a decision.
     */
    public boolean needsRecordedRecommendation() {
        return this == DECIDED || this == REVIEW_IN_PROGRESS;
    }

    /** The statuses a person may set on the case page. */
    public static java.util.List<ReferralStatus> settableByHand() {
        return java.util.Arrays.stream(values()).filter(s -> !s.needsRecordedRecommendation()).toList();
    }

    /** In plain words (words/words.properties). */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
