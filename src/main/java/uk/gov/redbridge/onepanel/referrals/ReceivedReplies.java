package uk.gov.redbridge.onepanel.referrals;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;

/**
 * Reads a stored reply for the module that records it ({@link ReplyRecognised}): the message as the mailbox parsed
 * it, so that no module above parses mail or reads the mailbox to record a reply.
 */
@Service
public class ReceivedReplies {

    private final InboundMessages messages;

    ReceivedReplies(InboundMessages messages) {
        this.messages = messages;
    }

    /** The reply, parsed; empty when no such message is stored or its bytes were not kept (quarantined). */
    public Optional<ReplyMessage> message(UUID messageId) {
        InboundMessageId id = new InboundMessageId(messageId);
        return messages.find(id).filter(m -> !m.quarantined())
                .map(m -> new ReplyMessage(messageId, m.mailbox(), m.sender(), messages.parsed(id)));
    }
}
