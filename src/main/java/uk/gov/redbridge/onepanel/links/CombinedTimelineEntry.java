package uk.gov.redbridge.onepanel.links;

import java.time.Instant;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** One line of the timelines of referrals confirmed to be about the same person, merged (the referrals stay apart). */
public record CombinedTimelineEntry(ReferralReference referral, Instant at, String kind, String detail,
        String actor) {
}
