package uk.gov.redbridge.onepanel.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import uk.gov.redbridge.onepanel.extraction.MailAnatomy;
import uk.gov.redbridge.onepanel.extraction.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;

/**
 * A person's mail client against the embedded mail server: sends with SMTP, reads a mailbox over IMAP (login and
 * password are the address).
 */
public final class EmbeddedMailClient {

    /** A message as it arrived in a mailbox. */
    public record Received(String messageId, String subject, String inReplyTo, String references, byte[] raw,
            ParsedMail parsed) {

        public String text() {
            return parsed.body();
        }
    }

    private final EmbeddedMailServer server;
    private final Session session;

    public EmbeddedMailClient(EmbeddedMailServer server) {
        this.server = server;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", String.valueOf(server.smtpPort()));
        p.setProperty("mail.imap.host", server.host());
        p.setProperty("mail.imap.port", String.valueOf(server.imapPort()));
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "10000");
        this.session = Session.getInstance(p);
    }

    /** Sends a message to the given envelope recipients (default: its To and Cc). */
    public void send(MimeMessage message, String... recipients) {
        try {
            MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(bytes(message)));
            try (Transport t = session.getTransport("smtp")) {
                t.connect();
                t.sendMessage(copy, recipients.length == 0 ? copy.getAllRecipients() : InternetAddress.parse(
                        String.join(",", recipients)));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not send", e);
        }
    }

    public void send(byte[] raw, String... recipients) {
        try {
            send(new MimeMessage(session, new ByteArrayInputStream(raw)), recipients);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything in the address's inbox, oldest first; empty if it never received mail. */
    public List<Received> inbox(String address) {
        List<Received> out = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(server.host(), server.imapPort(), address, address);
            } catch (AuthenticationFailedException e) {
                return out;
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                byte[] raw = bytes((MimeMessage) m);
                MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(raw));
                out.add(new Received(copy.getMessageID(), copy.getSubject(), copy.getHeader("In-Reply-To", null),
                        copy.getHeader("References", null), raw, MailAnatomy.parse(raw)));
            }
            inbox.close(false);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read " + address, e);
        }
        return out;
    }

    private static byte[] bytes(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
