package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.shared.Watchdog;

/**
 * Takes one message from the inbox: store before touch, then move. A message is known by its place (UIDVALIDITY
 * and UID) or, failing that, by the SHA-256 of its bytes in this mailbox (the server renumbered, or a person moved
 * it back): a known message is only moved again. Nothing here depends on {@code \Seen} or any other flag a person
 * may set. A message that fails a few polls in a row is set aside with a reason; a lost connection fails the poll.
 */
@Component
class MessageTaker {

    private static final Logger log = LoggerFactory.getLogger(MessageTaker.class);
    private static final int CHUNK = 1 << 20;
    static final String TOO_COMPLEX = "too_complex";

    enum Outcome {
        /** Logged (raw bytes, row, MessageReceived) and moved (or left for the next poll to move). */
        STORED,
        /** Logged without its content (MessageQuarantined) and set aside. */
        QUARANTINED,
        /** Already logged from another place: the row now points here, and the message was moved. */
        RELOCATED,
        /** Already logged from this place: only the move was repeated. */
        MOVED,
        /** Nothing to do (already copied on a server that cannot move; or another instance took it). */
        LEFT,
        /** No longer on the server (someone moved or deleted it meanwhile). */
        GONE,
        /** Failed this time; tried again next poll. */
        FAILED
    }

    /** One open inbox during a poll. */
    record Inbox(MailboxSettings.Account account, IMAPFolder folder, Folder processed, long uidValidity,
            ServerCapabilities capabilities) {

        String mailbox() {
            return account.name();
        }
    }

    /** A message that the server would not give us, or that could not be stored: set aside after a few tries. */
    private static final class Unreadable extends RuntimeException {
        private final String reason;

        Unreadable(String reason, Exception cause) {
            super(reason, cause);
            this.reason = reason;
        }
    }

    private final InboundMessageRepository repository;
    private final InboundMessageWriter writer;
    private final ProcessedFolderMover mover;
    private final PoisonMessages poison;
    private final IntakeFaultHook faultHook;
    private final Clock clock;
    private final long maxMessageSize;
    private final int poisonAttempts;
    private final MessageAttempts attempts;
    private final Duration stepTimeLimit;

    MessageTaker(InboundMessageRepository repository, InboundMessageWriter writer, ProcessedFolderMover mover,
            PoisonMessages poison, IntakeFaultHook faultHook, Clock clock, MailboxSettings settings,
            MessageAttempts attempts) {
        this.attempts = attempts;
        this.stepTimeLimit = settings.stepTimeLimit();
        this.repository = repository;
        this.writer = writer;
        this.mover = mover;
        this.poison = poison;
        this.faultHook = faultHook;
        this.clock = clock;
        this.maxMessageSize = settings.maxMessageSize().toBytes();
        this.poisonAttempts = settings.poisonAttempts();
    }

    /**
     * @param known the copy stored from this message's UID in this folder generation, or null
     * @throws MessagingException when the connection is lost (the poll fails and is retried with backoff)
     */
    Outcome take(Inbox inbox, Message message, StoredCopy known) throws MessagingException {
        if (message.isExpunged()) {
            return Outcome.GONE;
        }
        long uid = inbox.folder().getUID(message);
        PoisonMessages.Key key = new PoisonMessages.Key(inbox.mailbox(), inbox.uidValidity(), uid);
        if (nothingToDo(inbox, message, known)) {
            return Outcome.LEFT; // e.g. copied already on a server that cannot move: no need to count anything
        }
        // counted before it is touched, so that a take that never returns (a hung step, a crash) or that the server
        // answers only by timing out (a fetch or a move it cannot do) is counted too, across restarts
        int unfinished = attempts.begin(key);
        if (unfinished >= poisonAttempts) {
            return giveUp(inbox, message, uid, key, known, unfinished);
        }
        boolean ended = false;
        try {
            Outcome outcome = takeOnce(inbox, message, uid, known);
            ended = true;
            poison.forget(key);
            return outcome;
        } catch (MessagingException | RuntimeException e) {
            if (databaseUnavailable(e)) {
                ended = true; // not this message's doing
                throw e;
            }
            if (FailureClassifier.isConnectionLoss(e) || !inbox.folder().isOpen()) {
                throw e; // the poll fails; the start stays counted against this message
            }
            ended = true;
            if (e instanceof DuplicateKeyException) {
                log.info("Mailbox {}: message UID {} was logged meanwhile by another instance", inbox.mailbox(), uid);
                return Outcome.LEFT;
            }
            String reason = e instanceof Unreadable u ? u.reason : "store_failed";
            int failures = poison.failed(key);
            log.warn("Mailbox {}: message UID {} failed ({}, {}), attempt {} of {}", inbox.mailbox(), uid, reason,
                    rootCause(e), failures, poisonAttempts);
            if (failures < poisonAttempts) {
                return Outcome.FAILED;
            }
            setAside(inbox, message, uid, reason);
            poison.forget(key);
            return Outcome.QUARANTINED;
        } finally {
            if (ended) {
                attempts.finish(key);
            }
        }
    }

    /**
     * Takes of this message started {@code poisonAttempts} times and never ended (a hang, a crash, or the server
     * timing out on it): a new message is set aside without its content; a message already logged, whose move the
     * server never completes, is left in the inbox and no longer touched (its count stays, so every later poll
     * passes it by), and the secretariat is told once.
     */
    private Outcome giveUp(Inbox inbox, Message message, long uid, PoisonMessages.Key key, StoredCopy known,
            int unfinished) throws MessagingException {
        poison.forget(key);
        if (known == null) {
            setAside(inbox, message, uid, TOO_COMPLEX);
            attempts.finish(key);
            return Outcome.QUARANTINED;
        }
        if (unfinished == poisonAttempts) {
            writer.leftInInbox(known.id(), inbox.mailbox(), TOO_COMPLEX, "The message is logged, but moving it out "
                    + "of the inbox started " + poisonAttempts + " times and never finished (the mail server timed "
                    + "out on it). It is left in the inbox and no longer touched; move it by hand.");
            log.warn("Mailbox {}: message UID {} ({}) could not be moved in {} tries: left in the inbox",
                    inbox.mailbox(), uid, known.id(), poisonAttempts);
        }
        return Outcome.LEFT;
    }

    /** A message this poll leaves alone without any work on the server (checked before anything is counted). */
    private static boolean nothingToDo(Inbox inbox, Message message, StoredCopy known) throws MessagingException {
        if (inbox.capabilities().canRemoveFromInbox()) {
            return false;
        }
        return message.getFlags().contains(ProcessedFolderMover.COPIED_KEYWORD)
                || known != null && known.quarantineReason() == null && known.size() == message.getSize()
                && known.moved();
    }

    private Outcome takeOnce(Inbox inbox, Message message, long uid, StoredCopy known) throws MessagingException {
        if (!inbox.capabilities().canRemoveFromInbox()
                && message.getFlags().contains(ProcessedFolderMover.COPIED_KEYWORD)) {
            return Outcome.LEFT;
        }
        if (known == null) {
            return takeNew(inbox, message, uid, null);
        }
        if (known.quarantineReason() == null && known.size() != message.getSize()) {
            // RFC822.SIZE disagrees with what was stored (Exchange's sizes are estimates): compare the bytes
            boolean tooLarge = message.getSize() > maxMessageSize;
            byte[] raw = tooLarge ? null : fetch(inbox, uid);
            RawMessageDigest digest = tooLarge ? streamDigest(inbox, uid) : raw == null ? null
                    : RawMessageDigest.of(raw);
            if (digest == null) {
                return Outcome.GONE;
            }
            if (!digest.sha256().equals(known.sha256())) {
                log.warn("Mailbox {}: UID {} now holds another message (the server reused a UID); the earlier copy "
                        + "is still known by its content", inbox.mailbox(), uid);
                repository.forgetLocation(known.id());
                return tooLarge ? tooLarge(inbox, message, uid, digest) : takeNew(inbox, message, uid, raw);
            }
        }
        if (!inbox.capabilities().canRemoveFromInbox() && known.moved()) {
            return Outcome.LEFT;
        }
        moveAndMark(inbox, message, uid, known.id());
        return Outcome.MOVED;
    }

    private Outcome takeNew(Inbox inbox, Message message, long uid, byte[] fetched) throws MessagingException {
        byte[] raw = fetched;
        if (raw == null) {
            if (message.getSize() > maxMessageSize) {
                return tooLarge(inbox, message, uid, null);
            }
            raw = fetch(inbox, uid);
            if (raw == null) {
                return Outcome.GONE;
            }
        }
        RawMessageDigest digest = RawMessageDigest.of(raw);
        if (raw.length > maxMessageSize) {
            return tooLarge(inbox, message, uid, digest);
        }
        Optional<StoredCopy> same = repository.findCopyBySha256(inbox.mailbox(), digest.sha256());
        if (same.isPresent()) {
            return relocate(inbox, message, uid, same.get());
        }
        HeaderFacts facts;
        try {
            facts = readHeaders(digest);
        } catch (Watchdog.TimedOut e) {
            return tooComplex(inbox, message, uid, raw, digest);
        }
        InboundMessage stored;
        try {
            stored = writer.received(location(inbox, uid), raw, digest, facts);
        } catch (DuplicateKeyException | DataAccessResourceFailureException | TransientDataAccessException
                | RecoverableDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unreadable("store_failed", e);
        }
        log.info("Mailbox {}: message UID {} logged as {} ({} bytes)", inbox.mailbox(), uid, stored.id(), raw.length);
        faultHook.afterCommitBeforeMove(inbox.mailbox(), uid);
        moveAndMark(inbox, message, uid, stored.id());
        return Outcome.STORED;
    }

    /** Over the size cap: logged with its headers only, identified by streaming its bytes through the digest. */
    private Outcome tooLarge(Inbox inbox, Message message, long uid, RawMessageDigest known)
            throws MessagingException {
        RawMessageDigest digest = known != null ? known : streamDigest(inbox, uid);
        if (digest == null) {
            return Outcome.GONE;
        }
        Optional<StoredCopy> same = repository.findCopyBySha256(inbox.mailbox(), digest.sha256());
        if (same.isPresent()) {
            return relocate(inbox, message, uid, same.get());
        }
        HeaderFacts facts;
        try {
            facts = readHeaders(digest);
        } catch (Watchdog.TimedOut e) {
            facts = HeaderFacts.none();
        }
        long limitMb = maxMessageSize / (1024 * 1024);
        InboundMessage stored = writer.quarantined(location(inbox, uid), facts, digest.size(), digest.sha256(),
                digest.contentKey(facts.messageId()), "too_large",
                "The message is larger than the " + limitMb + " MB limit. Its headers are logged; its content was "
                        + "not kept. It is in the mailbox folder '" + inbox.account().processedFolder() + "'.");
        log.warn("Mailbox {}: message UID {} is over the size limit ({} bytes): quarantined as {}", inbox.mailbox(),
                uid, digest.size(), stored.id());
        moveAndMark(inbox, message, uid, stored.id());
        return Outcome.QUARANTINED;
    }

    /** Reads the logged header fields under the watchdog: a step on untrusted input, with a time limit. */
    private HeaderFacts readHeaders(RawMessageDigest digest) {
        byte[] header = digest.headerBlock();
        return Watchdog.call("reading a message's header fields", stepTimeLimit, () -> HeaderFacts.read(header));
    }

    /**
     * Reading the header fields ran past its limit: the message is kept (raw bytes, a row without header fields) and
     * quarantined as too complex, so nothing else reads it, and moved; the mailbox goes on with the next message.
     */
    private Outcome tooComplex(Inbox inbox, Message message, long uid, byte[] raw, RawMessageDigest digest)
            throws MessagingException {
        InboundMessage stored = writer.receivedButSetAside(location(inbox, uid), raw, digest, TOO_COMPLEX,
                "Reading this message's header fields took longer than " + stepTimeLimit.toSeconds() + " s and was "
                        + "stopped. The message is kept as it arrived; nothing was read from it. It is in the mailbox "
                        + "folder '" + inbox.account().processedFolder() + "'.");
        log.warn("Mailbox {}: message UID {} is too complex to read (over {} s): kept and quarantined as {}",
                inbox.mailbox(), uid, stepTimeLimit.toSeconds(), stored.id());
        moveAndMark(inbox, message, uid, stored.id());
        return Outcome.QUARANTINED;
    }

    private RawMessageDigest streamDigest(Inbox inbox, long uid) throws MessagingException {
        RawMessageDigest digest = new RawMessageDigest();
        long offset = 0;
        while (true) {
            byte[] chunk;
            try {
                chunk = UidFetch.part(inbox.folder(), uid, offset, CHUNK);
            } catch (MessagingException e) {
                throw unreadable(e);
            }
            if (chunk == null) {
                return offset == 0 ? null : digest;
            }
            digest.update(chunk, 0, chunk.length);
            offset += chunk.length;
            if (chunk.length < CHUNK) {
                return digest;
            }
        }
    }

    /** After a few failed polls: logged without content, so a person looks at it, and moved out of the way. */
    private void setAside(Inbox inbox, Message message, long uid, String reason) throws MessagingException {
        byte[] header = null;
        try {
            header = "fetch_failed".equals(reason) ? UidFetch.header(inbox.folder(), uid) : null;
        } catch (MessagingException e) {
            if (FailureClassifier.isConnectionLoss(e)) {
                throw e;
            }
        }
        HeaderFacts facts = header == null ? HeaderFacts.none() : HeaderFacts.read(header);
        // no bytes to hash: the key names this server copy, so that it is logged once
        String key = RawMessageDigest.sha256Hex("unreadable " + inbox.mailbox() + " " + inbox.uidValidity() + " "
                + uid + " " + (header == null ? "" : RawMessageDigest.of(header).sha256()));
        String explanation = switch (reason) {
            case "fetch_failed" -> "The mail server would not give out this message's content. ";
            case TOO_COMPLEX -> "Taking this message from the mailbox started " + poisonAttempts + " times and never "
                    + "finished (the service hung or stopped during it), so it is no longer tried. ";
            default -> "The message could not be stored. ";
        };
        InboundMessage stored = writer.quarantined(location(inbox, uid), facts, message.getSize(), key, key, reason,
                explanation + "It is in the mailbox folder '" + inbox.account().processedFolder() + "'.");
        log.warn("Mailbox {}: message UID {} set aside as {} ({})", inbox.mailbox(), uid, stored.id(), reason);
        moveAndMark(inbox, message, uid, stored.id());
    }

    private Outcome relocate(Inbox inbox, Message message, long uid, StoredCopy same) throws MessagingException {
        repository.relocate(same.id(), inbox.folder().getFullName(), inbox.uidValidity(), uid);
        log.info("Mailbox {}: message UID {} was logged before as {} (same bytes): not logged again",
                inbox.mailbox(), uid, same.id());
        moveAndMark(inbox, message, uid, same.id());
        return Outcome.RELOCATED;
    }

    private void moveAndMark(Inbox inbox, Message message, long uid, InboundMessageId id) throws MessagingException {
        try {
            mover.move(inbox.folder(), message, inbox.processed(), inbox.capabilities());
        } catch (MessagingException e) {
            if (FailureClassifier.isConnectionLoss(e)) {
                throw e;
            }
            log.warn("Mailbox {}: message UID {} is logged but could not be moved ({}); the next poll tries again",
                    inbox.mailbox(), uid, rootCause(e));
            return;
        }
        repository.markMoved(id, clock.instant());
    }

    private static byte[] fetch(Inbox inbox, long uid) throws MessagingException {
        try {
            return UidFetch.message(inbox.folder(), uid);
        } catch (MessagingException e) {
            throw unreadable(e);
        }
    }

    /** A refusal for this one message; a lost connection is thrown as it is, to fail the poll. */
    private static RuntimeException unreadable(MessagingException e) throws MessagingException {
        if (FailureClassifier.isConnectionLoss(e)) {
            throw e;
        }
        return new Unreadable("fetch_failed", e);
    }

    private static InboundMessageWriter.Location location(Inbox inbox, long uid) {
        return new InboundMessageWriter.Location(inbox.account(), inbox.folder().getFullName(), inbox.uidValidity(),
                uid);
    }

    private static boolean databaseUnavailable(Throwable e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException;
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
