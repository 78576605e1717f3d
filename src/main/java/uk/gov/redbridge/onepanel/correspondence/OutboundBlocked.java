package uk.gov.redbridge.onepanel.correspondence;

/**
 * A mail was not sent because a recipient is outside the allowed domains or a loop guard tripped.
 *
 * @param reason      a short technical reason without personal data
 * @param heldBackFor the address the loop guard holds mail back for (to count a storm as one item per address and
 *                    hour, never shown), or null when a recipient is not allowed
 */
public record OutboundBlocked(OutboundMailId mailId, String referralReference, String reason, String heldBackFor) {

    public OutboundBlocked(OutboundMailId mailId, String referralReference, String reason) {
        this(mailId, referralReference, reason, null);
    }

    public boolean byLoopGuard() {
        return heldBackFor != null;
    }
}
