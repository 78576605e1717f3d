package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A document of an agency's return: an attachment of the reply (files inside a winmail.dat unpacked), a forwarded
 * message's attachment, or the reply's text itself, whose bytes stay in the stored message ({@code partPath} finds
 * them again); or a file the secretariat added by hand (a return sent through a secure portal, or on paper and
 * scanned), whose bytes are in the content store.
 *
 * @param messageId the message it came in; null for a document added by hand
 * @param partPath  its part in that message; null for a document added by hand
 * @param addedBy   who added it by hand; null for a document that came by email
 */
public record ReturnDocument(UUID id, RequestId requestId, InboundMessageId messageId, String partPath,
        String fileName, String contentType, long size, String sha256, Instant addedAt, String addedBy) {

    public boolean addedByHand() {
        return addedBy != null;
    }
}
