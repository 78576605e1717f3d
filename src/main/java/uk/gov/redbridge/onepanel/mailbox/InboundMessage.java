package uk.gov.redbridge.onepanel.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * What the service knows of one message as it was taken from a mailbox. The raw RFC 822 bytes are kept beside it
 * ({@link InboundMessages#rawBytes}) unless the message was quarantined before its bytes could be kept (over the
 * size cap).
 *
 * @param mailbox        the configured mailbox name (e.g. {@code onepanel}, {@code rsab}, {@code rscp})
 * @param mailboxAddress the address of that mailbox, e.g. {@code RSAB@redbridge.gov.uk}
 * @param messageIdHeader the Message-ID header as sent (may be null: some senders omit it)
 * @param sha256         SHA-256 (hex) of the raw bytes as fetched
 * @param contentKey     SHA-256 (hex) of the Message-ID and the body (everything after the header block): the same
 *                       email delivered to two mailboxes, or re-delivered with other transport headers, has the
 *                       same key; it is how a referral is made once per email
 * @param quarantineReason null unless the message was set aside before processing (e.g. {@code too_large})
 */
public record InboundMessage(
        InboundMessageId id,
        String mailbox,
        String mailboxAddress,
        String folder,
        long uidValidity,
        long uid,
        String messageIdHeader,
        String sender,
        List<String> recipients,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        long size,
        String sha256,
        String contentKey,
        String quarantineReason) {

    public boolean quarantined() {
        return quarantineReason != null;
    }
}
