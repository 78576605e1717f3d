package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeLimit the longest reading one referral email may take (its anatomy and every attachment, each of which
 *                  also has its own limit in {@code onepanel.extraction}): past it the step is abandoned and the
 *                  message is an exception ({@code too_complex}). Below the event registry's five-minute
 *                  resubmission, so a slow email is never read twice at once.
 */
@ConfigurationProperties("onepanel.referrals.intake")
record IntakeSettings(@DefaultValue("PT4M") Duration timeLimit) {
}
