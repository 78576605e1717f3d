package uk.gov.redbridge.onepanel.papers;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * One item of a meeting's agenda, as the meetings module gives it to the pack.
 *
 * @param referral the referral whose papers follow, or null for an item without papers (a review published by
 *                 another area, non-statutory learning)
 * @param detail   a line under the title (the pathway, who added it), without personal data
 */
public record AgendaLine(int number, String title, String detail, ReferralReference referral) {
}
