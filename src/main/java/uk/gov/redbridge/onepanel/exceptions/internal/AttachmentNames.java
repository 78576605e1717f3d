package uk.gov.redbridge.onepanel.exceptions.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;

/**
 * The file names of an email's attachments, for the queue's rows, so that an item can be told from the next without
 * opening it. Names only: never what is in the files. A message set aside before its content was kept has none.
 */
@Component
public class AttachmentNames {

    private static final Logger log = LoggerFactory.getLogger(AttachmentNames.class);
    private static final int MOST = 20;

    private final InboundMessages messages;

    AttachmentNames(InboundMessages messages) {
        this.messages = messages;
    }

    public List<String> of(InboundMessageId messageId) {
        try {
            return messages.find(messageId).filter(m -> !m.quarantined()).map(InboundMessage::id)
                    .map(id -> messages.parsed(id).attachments().stream()
                            .map(MailAnatomy.MailAttachment::fileName).limit(MOST).toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            // a row without names is still a row: the item's page shows the email as it can
            log.warn("The attachment names of message {} could not be read: {}", messageId,
                    e.getClass().getSimpleName());
            return List.of();
        }
    }
}
