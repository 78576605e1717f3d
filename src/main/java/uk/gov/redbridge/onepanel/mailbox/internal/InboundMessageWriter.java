package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.MessageQuarantined;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * Logs a message in one transaction: its raw bytes, its row and its event (recorded by the event publication
 * registry in the same transaction, so a listener that fails or a crash redelivers it). Nothing touches the
 * mailbox until this has committed.
 */
@Component
class InboundMessageWriter {

    private final TransactionTemplate transaction;
    private final ContentStore contentStore;
    private final InboundMessageRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundMessageWriter(TransactionTemplate transaction, ContentStore contentStore,
            InboundMessageRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.transaction = transaction;
        this.contentStore = contentStore;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Where the message was found on the server. */
    record Location(MailboxSettings.Account account, String folder, long uidValidity, long uid) {
    }

    InboundMessage received(Location at, byte[] raw, RawMessageDigest digest, HeaderFacts facts) {
        return transaction.execute(status -> {
            ContentId content = contentStore.put(raw);
            InboundMessage message = row(at, facts, raw.length, digest.sha256(), digest.contentKey(facts.messageId()),
                    null);
            repository.insert(message, content);
            events.publishEvent(new MessageReceived(message.id(), message.mailbox()));
            return message;
        });
    }

    /**
     * Logs a message with its raw bytes but without its header fields, set aside ({@code too_complex}): nothing
     * reads it further (triage leaves quarantined messages alone); the secretariat sees why.
     *
     * @param explanation plain words for the secretariat, without personal data
     */
    InboundMessage receivedButSetAside(Location at, byte[] raw, RawMessageDigest digest, String reason,
            String explanation) {
        return transaction.execute(status -> {
            ContentId content = contentStore.put(raw);
            InboundMessage message = row(at, HeaderFacts.none(), raw.length, digest.sha256(), digest.contentKey(null),
                    reason);
            repository.insert(message, content);
            events.publishEvent(new MessageQuarantined(message.id(), message.mailbox(), reason, explanation));
            return message;
        });
    }

    /** A logged message the service could not move out of the inbox: the secretariat is told (once per message). */
    void leftInInbox(InboundMessageId id, String mailbox, String reason, String explanation) {
        transaction.executeWithoutResult(status -> events.publishEvent(new MessageQuarantined(id, mailbox, reason,
                explanation)));
    }

    /**
     * Logs a message whose content is not kept (too large, or unreadable) and sets it aside.
     *
     * @param explanation plain words for the secretariat, without personal data
     */
    InboundMessage quarantined(Location at, HeaderFacts facts, long size, String sha256, String contentKey,
            String reason, String explanation) {
        return transaction.execute(status -> {
            InboundMessage message = row(at, facts, size, sha256, contentKey, reason);
            repository.insert(message, null);
            events.publishEvent(new MessageQuarantined(message.id(), message.mailbox(), reason, explanation));
            return message;
        });
    }

    private InboundMessage row(Location at, HeaderFacts facts, long size, String sha256, String contentKey,
            String quarantineReason) {
        return new InboundMessage(InboundMessageId.random(), at.account().name(), at.account().address(), at.folder(),
                at.uidValidity(), at.uid(), facts.messageId(), facts.sender(), facts.recipients(), facts.subject(),
                facts.sentAt(), clock.instant(), size, sha256, contentKey, quarantineReason);
    }
}
