package uk.gov.redbridge.onepanel.triage.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeLimit the longest reading one message and running the rules over it may take: past it the step is
 *                  abandoned and the message is an exception ({@code too_complex}); an ordinary message takes
 *                  milliseconds
 */
@ConfigurationProperties("onepanel.triage")
record TriageSettings(@DefaultValue("PT30S") Duration timeLimit) {
}
