package uk.gov.redbridge.onepanel.exceptions;

/**
 * Which items of the queue to list.
 *
 * @param reason  one reason only, or null for every reason
 * @param mailbox one mailbox only (its configured name), or null for all
 */
public record ExceptionFilter(ExceptionStatus status, ExceptionReason reason, String mailbox) {

    public static ExceptionFilter of(ExceptionStatus status) {
        return new ExceptionFilter(status, null, null);
    }
}
