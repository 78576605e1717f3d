package uk.gov.redbridge.onepanel.system.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param resubmitOlderThan an event whose listener has not completed for this long is delivered again (longer than
 *                          any listener takes, so a listener still at work is not raced)
 * @param resubmitInterval  how often the registry is checked
 */
@ConfigurationProperties("onepanel.events")
record EventSettings(@DefaultValue("PT5M") Duration resubmitOlderThan, @DefaultValue("PT1M") Duration resubmitInterval) {
}
