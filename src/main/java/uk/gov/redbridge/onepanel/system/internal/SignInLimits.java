package uk.gov.redbridge.onepanel.system.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling (OWASP ASVS 5.0 V6.3.1: guessing defeated by rate limiting and lockout, per account and per
 * address; NCSC password guidance: a lockout of about 10 tries is enough with a decent password policy).
 *
 * @param maxFailuresPerUser    failed sign-ins to one user name within the window that lock it
 * @param maxFailuresPerAddress failed sign-ins from one address (any user names) within the window that lock it
 * @param window                how long a failure counts: a lock lifts by itself when enough failures are this old
 */
@ConfigurationProperties("onepanel.security.sign-in-limits")
record SignInLimits(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration window) {
}
