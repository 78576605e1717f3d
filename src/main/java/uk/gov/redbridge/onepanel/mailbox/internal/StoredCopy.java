package uk.gov.redbridge.onepanel.mailbox.internal;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * What the poller needs to know of a stored copy to decide what to do with the message it sees on the server.
 *
 * @param quarantineReason null unless the copy was set aside
 * @param moved            the copy was moved (or, on a server without MOVE and UIDPLUS, copied) to the processed
 *                         folder at least once
 */
public record StoredCopy(InboundMessageId id, long uid, long size, String sha256, String quarantineReason,
        boolean moved) {
}
