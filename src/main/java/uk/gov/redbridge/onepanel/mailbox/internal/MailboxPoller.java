package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One check of one mailbox: log in, open the inbox, list every message by UID in batches (UID, size and flags;
 * never a search on {@code \Seen}), take each one, and record the outcome in {@code mailbox_state}: the time of a
 * successful check, or the kind of failure and when to try again (backoff). The caller holds the mailbox's lock.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** What one check did. */
    record PollResult(boolean checked, FailureKind failure, Map<MessageTaker.Outcome, Integer> outcomes) {

        static PollResult deferred() {
            return new PollResult(false, null, Map.of());
        }

        int count(MessageTaker.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        /** Messages newly logged (received or quarantined). */
        int logged() {
            return count(MessageTaker.Outcome.STORED) + count(MessageTaker.Outcome.QUARANTINED);
        }
    }

    private final MailSessions sessions;
    private final MailLogin login;
    private final MessageTaker taker;
    private final ProcessedFolderMover mover;
    private final InboundMessageRepository repository;
    private final MailboxStates states;
    private final MailboxSettings settings;
    private final Clock clock;
    private final MailboxProgress progress;
    private final UnrecordedMoves unrecordedMoves;

    MailboxPoller(MailSessions sessions, MailLogin login, MessageTaker taker, ProcessedFolderMover mover,
            InboundMessageRepository repository, MailboxStates states, MailboxSettings settings, Clock clock,
            MailboxProgress progress, UnrecordedMoves unrecordedMoves) {
        this.progress = progress;
        this.unrecordedMoves = unrecordedMoves;
        this.sessions = sessions;
        this.login = login;
        this.taker = taker;
        this.mover = mover;
        this.repository = repository;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    PollResult poll(MailboxSettings.Account account) {
        MailboxState state = states.find(account.name());
        Instant started = clock.instant();
        if (!state.dueAt(started)) {
            return PollResult.deferred();
        }
        IMAPStore store = null;
        try {
            progress.doing(account.name(), "logging in");
            store = login.imap(account, sessions.imap(account));
            ServerCapabilities capabilities = ServerCapabilities.probe(store, settings.ignoredCapabilities());
            if (!capabilities.describe().equals(state.capabilities())) {
                log.info("Mailbox {}: IMAP extensions in use: {}", account.name(), capabilities.describe());
            }
            Map<MessageTaker.Outcome, Integer> outcomes = new EnumMap<>(MessageTaker.Outcome.class);
            long uidValidity = readInbox(account, store, capabilities, state, outcomes);
            states.recordSuccess(account.name(), clock.instant(), uidValidity, capabilities.describe());
            if (!outcomes.isEmpty()) {
                log.info("Mailbox {} checked: {}", account.name(), outcomes);
            }
            return new PollResult(true, null, outcomes);
        } catch (MessagingException | RuntimeException e) {
            FailureKind kind = FailureClassifier.classify(e);
            int failures = state.consecutiveFailures() + 1;
            Instant failedAt = clock.instant();
            Instant next = failedAt.plus(settings.backoff().delayAfter(failures, kind));
            states.recordFailure(account.name(), failedAt, kind, failures, next);
            log.warn("Mailbox {} could not be checked ({}: {}; {} failure(s) in a row); next attempt after {}",
                    account.name(), kind.label(), describe(e), failures, next);
            return new PollResult(false, kind, Map.of());
        } finally {
            progress.done(account.name());
            close(store);
        }
    }

    private long readInbox(MailboxSettings.Account account, IMAPStore store, ServerCapabilities capabilities,
            MailboxState state, Map<MessageTaker.Outcome, Integer> outcomes) throws MessagingException {
        progress.doing(account.name(), "listing the inbox");
        IMAPFolder inbox = (IMAPFolder) store.getFolder(account.inboxFolder());
        Folder processed = mover.processedFolder(store, account.processedFolder());
        inbox.open(Folder.READ_WRITE);
        try {
            long uidValidity = inbox.getUIDValidity();
            if (state.uidValidity() != null && state.uidValidity() != uidValidity) {
                log.warn("Mailbox {}: UIDVALIDITY of the inbox changed from {} to {}; stored UIDs no longer apply and "
                        + "messages are recognised by their content", account.name(), state.uidValidity(), uidValidity);
            }
            MessageTaker.Inbox open = new MessageTaker.Inbox(account, inbox, processed, uidValidity, capabilities);
            Message[] all = inbox.getMessages();
            for (int from = 0; from < all.length; from += settings.batchSize()) {
                Message[] batch = Arrays.copyOfRange(all, from, Math.min(all.length, from + settings.batchSize()));
                takeBatch(open, batch, outcomes);
            }
            if (unrecordedMoves.due(account.name(), state.consecutiveFailures() > 0)) {
                progress.doing(account.name(), "recording moves made before a stop");
                unrecordedMoves.record(open);
            }
            return uidValidity;
        } finally {
            if (inbox.isOpen()) {
                try {
                    inbox.close(false);
                } catch (MessagingException e) {
                    log.debug("Mailbox {}: inbox did not close cleanly", account.name(), e);
                }
            }
        }
    }

    private void takeBatch(MessageTaker.Inbox inbox, Message[] batch, Map<MessageTaker.Outcome, Integer> outcomes)
            throws MessagingException {
        List<Message> present = new ArrayList<>();
        for (Message m : batch) {
            if (!m.isExpunged()) {
                present.add(m);
            }
        }
        Message[] messages = present.toArray(Message[]::new);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        inbox.folder().fetch(messages, profile);
        List<Long> uids = new ArrayList<>();
        for (Message m : messages) {
            if (!m.isExpunged()) {
                uids.add(inbox.folder().getUID(m));
            }
        }
        Map<Long, StoredCopy> known = repository.findCopiesByUid(inbox.mailbox(), inbox.uidValidity(), uids);
        for (Message m : messages) {
            long uid = m.isExpunged() ? -1 : inbox.folder().getUID(m);
            StoredCopy copy = uid < 0 ? null : known.get(uid);
            progress.taking(inbox.mailbox(), uid);
            outcomes.merge(taker.take(inbox, m, copy), 1, Integer::sum);
        }
        progress.doing(inbox.mailbox(), "listing the inbox");
    }

    private static String describe(Throwable e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getSimpleName() + (message.isBlank() ? "" : " " + message);
    }

    private static void close(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                log.debug("IMAP connection did not close cleanly", e);
            }
        }
    }
}
