package uk.gov.redbridge.onepanel.referrals;

import java.time.LocalDate;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * What the referral log is filtered by; null means "any". Dates are days in the service's time zone, both ends
 * included.
 *
 * @param agency the referring agency, as a code of the agency directory: a referral is the agency's if the form
 *               names it (code or name) or if it came from an address that belongs to that agency alone
 * @param text   a reference (or part of one) or part of the subject's name, in any letter case
 */
public record ReferralSearch(ReferralStatus status, Pathway pathway, String mailbox, LocalDate receivedFrom,
        LocalDate receivedTo, String agency, String text) {

    public static ReferralSearch everything() {
        return new ReferralSearch(null, null, null, null, null, null, null);
    }
}
