package uk.gov.redbridge.onepanel.exceptions;

/**
 * A resolution undone: the item waits again.
 *
 * @param takenOff the referral its email was taken off
 */
public record ExceptionReopened(ExceptionId exceptionId, String reopenedBy, String takenOff) {
}
