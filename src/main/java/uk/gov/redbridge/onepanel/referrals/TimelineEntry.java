package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;

/** One thing that happened to a referral. The detail never carries personal data. */
public record TimelineEntry(Instant at, String kind, String detail, String actor) {
}
