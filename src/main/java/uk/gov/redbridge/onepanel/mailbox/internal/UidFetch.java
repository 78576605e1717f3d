package uk.gov.redbridge.onepanel.mailbox.internal;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Reads a message's raw bytes by UID with {@code BODY.PEEK}, so that reading never sets {@code \Seen}. By UID
 * rather than by sequence number: a message expunged meanwhile by someone else is reported as gone (null), never
 * mistaken for its neighbour.
 */
final class UidFetch {

    private UidFetch() {
    }

    /** The whole message (RFC 822 bytes exactly as the server holds them), or null if the UID is gone. */
    static byte[] message(IMAPFolder folder, long uid) throws MessagingException {
        return section(folder, uid, "BODY.PEEK[]");
    }

    /** The header block, or null if the UID is gone. */
    static byte[] header(IMAPFolder folder, long uid) throws MessagingException {
        return section(folder, uid, "BODY.PEEK[HEADER]");
    }

    /** Up to {@code length} bytes from {@code offset}; empty past the end; null if the UID is gone. */
    static byte[] part(IMAPFolder folder, long uid, long offset, int length) throws MessagingException {
        return section(folder, uid, "BODY.PEEK[]<" + offset + "." + length + ">");
    }

    private static byte[] section(IMAPFolder folder, long uid, String item) throws MessagingException {
        return (byte[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uid + " (UID " + item + ")", null);
            byte[] found = null;
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID u = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (u != null && u.uid == uid && body != null) {
                        ByteArray bytes = body.getByteArray();
                        found = bytes == null ? new byte[0] : bytes.getNewBytes();
                    }
                }
            }
            // let the folder see EXPUNGE and flag responses that came with ours, as Angus's own fetches do
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return found;
        });
    }
}
