package uk.gov.redbridge.onepanel.exceptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * One item of the exceptions queue.
 *
 * @param explanation     the specific explanation, without personal data
 * @param referralReference the referral the item belongs to: the one its email names until it is resolved, then the
 *                        one a person tied it to
 * @param resolution      how it was resolved (e.g. {@code referral_created}, {@code attached}, {@code not_a_referral})
 * @param attachmentNames the file names of its email's attachments (names only), for the queue's rows
 * @param namedReference  for an item resolved by tying it to a referral: the referral it belonged to before (the one
 *                        its email named), given back if the resolution is undone
 */
public record ExceptionItem(ExceptionId id, ExceptionReason reason, String explanation, InboundMessageId messageId,
        String referralReference, UUID outboundMailId, String mailbox, ExceptionStatus status, Instant createdAt,
        Instant resolvedAt, String resolvedBy, String resolution, String resolutionNote, List<String> attachmentNames,
        String namedReference) {

    public ExceptionItem {
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
    }

    public ExceptionItem(ExceptionId id, ExceptionReason reason, String explanation, InboundMessageId messageId,
            String referralReference, UUID outboundMailId, String mailbox, ExceptionStatus status, Instant createdAt,
            Instant resolvedAt, String resolvedBy, String resolution, String resolutionNote) {
        this(id, reason, explanation, messageId, referralReference, outboundMailId, mailbox, status, createdAt,
                resolvedAt, resolvedBy, resolution, resolutionNote, List.of(), null);
    }

    /** Resolved by tying its email to a referral (attached, or as an agency's reply): a person may undo that. */
    public boolean attachedByHand() {
        return status == ExceptionStatus.RESOLVED
                && ("attached".equals(resolution) || "attached_to_request".equals(resolution));
    }
}
