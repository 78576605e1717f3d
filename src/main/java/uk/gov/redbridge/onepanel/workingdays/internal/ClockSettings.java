package uk.gov.redbridge.onepanel.workingdays.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offset an ISO-8601 duration added to the system clock, e.g. {@code P10D}: restart the service with it to
 *               see "ten days later" (reminders, overdue returns). Zero in production.
 * @param zone   the zone dates are counted in
 */
@ConfigurationProperties("onepanel.clock")
record ClockSettings(@DefaultValue("PT0S") Duration offset, @DefaultValue("Europe/London") String zone) {
}
