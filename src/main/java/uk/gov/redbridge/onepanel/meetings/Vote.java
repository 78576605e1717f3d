package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;

/** An agency's one vote on an item: the recommendation it supports, and who cast it for the agency. */
public record Vote(String agency, Recommendation choice, String castBy, Instant castAt) {
}
