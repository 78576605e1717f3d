package uk.gov.redbridge.onepanel.meetings;

/** What one run of the papers check did. */
public record PapersCheck(int meetingsScheduled, int referralsPlaced, int packsIssued, int packsReissued) {
}
