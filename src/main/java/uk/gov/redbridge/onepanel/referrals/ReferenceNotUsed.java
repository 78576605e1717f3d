package uk.gov.redbridge.onepanel.referrals;

/**
 * A reference number was handed out but no referral carries it (its intake did not complete): a gap in the
 * sequence, with the reason, for the audit trail. Never personal data.
 */
public record ReferenceNotUsed(String reference, String reason) {
}
