package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.MessageIDTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records moves that happened on the server but not in the log. A kill -9 (or a lost connection) between the MOVE
 * and {@code markMoved} leaves a message in the processed folder with {@code moved_at} null; since it is no longer
 * in the inbox, no later poll sees it. Once per mailbox after a start, and after a poll that failed, the copies
 * logged from this inbox generation without a move are looked for: a copy found in the processed folder (same
 * Message-ID and the same bytes), or still in the inbox with the copied keyword, is marked moved. A copy that left
 * the inbox some other way (a person moved or deleted it) stays unmarked: that is the truth.
 */
@Component
class UnrecordedMoves {

    private static final Logger log = LoggerFactory.getLogger(UnrecordedMoves.class);
    /** Enough for any crash or outage (a poll takes one batch at a time); more are found by the next check. */
    static final int LIMIT = 200;

    private final InboundMessageRepository repository;
    private final Clock clock;
    private final long maxMessageSize;
    private final Set<String> checkedSinceStart = ConcurrentHashMap.newKeySet();

    UnrecordedMoves(InboundMessageRepository repository, Clock clock, MailboxSettings settings) {
        this.repository = repository;
        this.clock = clock;
        this.maxMessageSize = settings.maxMessageSize().toBytes();
    }

    /** Whether this poll should look: the first for the mailbox since the start, or the first after a failure. */
    boolean due(String mailbox, boolean lastPollFailed) {
        return checkedSinceStart.add(mailbox) || lastPollFailed;
    }

    /** Forgets which mailboxes were checked, as a restart does (for tests of the restart). */
    void startAfresh() {
        checkedSinceStart.clear();
    }

    /** @return how many moves were recorded */
    int record(MessageTaker.Inbox inbox) throws MessagingException {
        List<InboundMessageRepository.UnmovedCopy> unmoved =
                repository.findUnmoved(inbox.mailbox(), inbox.folder().getFullName(), inbox.uidValidity(), LIMIT);
        int recorded = 0;
        for (InboundMessageRepository.UnmovedCopy copy : unmoved) {
            if (wasMoved(inbox, copy)) {
                repository.markMoved(copy.id(), clock.instant());
                recorded++;
            }
        }
        if (recorded > 0) {
            log.info("Mailbox {}: {} message(s) had been moved to the processed folder without the move being "
                    + "recorded (the service stopped between the two); recorded now", inbox.mailbox(), recorded);
        }
        return recorded;
    }

    private boolean wasMoved(MessageTaker.Inbox inbox, InboundMessageRepository.UnmovedCopy copy)
            throws MessagingException {
        Message inInbox = inbox.folder().getMessageByUID(copy.uid());
        if (inInbox != null && !inInbox.isExpunged()) {
            // still here: moved only if a server that cannot move had it copied (the next take moves anything else)
            return inInbox.getFlags().contains(ProcessedFolderMover.COPIED_KEYWORD);
        }
        return copy.messageIdHeader() != null && inProcessedFolder(inbox.processed(), copy);
    }

    private boolean inProcessedFolder(Folder processed, InboundMessageRepository.UnmovedCopy copy)
            throws MessagingException {
        boolean opened = !processed.isOpen();
        if (opened) {
            processed.open(Folder.READ_ONLY);
        }
        try {
            for (Message candidate : processed.search(new MessageIDTerm(copy.messageIdHeader()))) {
                if (sameBytes((IMAPFolder) processed, candidate, copy)) {
                    return true;
                }
            }
            return false;
        } finally {
            if (opened && processed.isOpen()) {
                processed.close(false);
            }
        }
    }

    /** The same message, not another with the same Message-ID: by its digest, or its size when too large to fetch. */
    private boolean sameBytes(IMAPFolder processed, Message candidate, InboundMessageRepository.UnmovedCopy copy)
            throws MessagingException {
        if (copy.size() > maxMessageSize) {
            return candidate.getSize() == copy.size();
        }
        byte[] raw = UidFetch.message(processed, ((UIDFolder) processed).getUID(candidate));
        return raw != null && RawMessageDigest.of(raw).sha256().equals(copy.sha256());
    }
}
