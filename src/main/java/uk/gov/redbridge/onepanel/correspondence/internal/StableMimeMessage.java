package uk.gov.redbridge.onepanel.correspondence.internal;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is decided once, when the outbox row is written, and survives every
 * {@code saveChanges()} (Jakarta Mail would otherwise make a new one on each send): replies are matched on it.
 */
public class StableMimeMessage extends MimeMessage {

    private final String fixedMessageId;

    StableMimeMessage(Session session, String messageId) {
        super(session);
        this.fixedMessageId = messageId;
    }

    /** Re-reads a message built earlier, keeping the Message-ID it carries. */
    StableMimeMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
        this.fixedMessageId = getHeader("Message-ID", null);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", fixedMessageId);
    }
}
