package uk.gov.redbridge.onepanel.system.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval    how often the sweep of truth runs (and once {@code initial-delay}, 15 s, after start-up)
 * @param grace       work younger than this is left to the events carrying it
 * @param maxAttempts a piece of work that fails this many sweeps in a row is raised as an exception
 */
@ConfigurationProperties("onepanel.sweep")
record SweepSettings(@DefaultValue("PT1M") Duration interval, @DefaultValue("PT2M") Duration grace,
        @DefaultValue("3") int maxAttempts) {
}
