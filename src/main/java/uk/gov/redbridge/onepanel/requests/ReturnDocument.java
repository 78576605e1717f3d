package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A document of an agency's return: an attachment of the reply (files inside a winmail.dat unpacked), a forwarded
 * message's attachment, or the reply's text itself. The bytes stay in the stored message; {@code partPath} finds
 * them again.
 */
public record ReturnDocument(UUID id, RequestId requestId, InboundMessageId messageId, String partPath,
        String fileName, String contentType, long size, String sha256, Instant addedAt) {
}
