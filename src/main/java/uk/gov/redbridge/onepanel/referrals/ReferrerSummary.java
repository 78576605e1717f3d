package uk.gov.redbridge.onepanel.referrals;

/** Who referred, from the form, and the address the referral email came from. */
public record ReferrerSummary(String name, String agency, String email, String senderAddress) {
}
