package uk.gov.redbridge.onepanel.mailbox.internal;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.stereotype.Component;

/**
 * Moves one stored message from the inbox to the processed folder, never deleting it: with MOVE where the server
 * offers it; else COPY, {@code \Deleted} and UID EXPUNGE of that one UID (UIDPLUS), so that messages someone else
 * marked deleted are never expunged; else (neither) COPY and a keyword on the inbox copy, which stays where it is.
 */
@Component
class ProcessedFolderMover {

    /** Set on an inbox message that was copied to the processed folder by a server that cannot move. */
    static final String COPIED_KEYWORD = "$OnePanelProcessed";

    void move(IMAPFolder inbox, Message message, Folder processed, ServerCapabilities capabilities)
            throws MessagingException {
        Message[] one = {message};
        if (capabilities.move()) {
            inbox.moveMessages(one, processed);
            return;
        }
        if (capabilities.uidPlus()) {
            // a crash after COPY leaves \Deleted unset: the retry copies again (a second copy, nothing lost)
            inbox.copyMessages(one, processed);
            message.setFlag(Flags.Flag.DELETED, true);
            inbox.expunge(one);
            return;
        }
        inbox.copyMessages(one, processed);
        if (inbox.getPermanentFlags().contains(Flags.Flag.USER)) {
            message.setFlags(new Flags(COPIED_KEYWORD), true);
        }
    }

    /** The processed folder, created if missing. */
    Folder processedFolder(jakarta.mail.Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the processed folder could not be created");
        }
        return folder;
    }
}
