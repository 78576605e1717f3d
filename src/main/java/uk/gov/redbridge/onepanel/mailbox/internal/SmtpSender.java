package uk.gov.redbridge.onepanel.mailbox.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one message through an account's SMTP server, logged in with its password or with XOAUTH2 and a fresh
 * token, with timeouts, the envelope sender set to the account's address, and the caller's Message-ID kept.
 * Exceptions from the server are not wrapped: the outbox tells a temporary failure (4xx) from a permanent one (5xx)
 * by them. Once the server has accepted the message, a failure to close the connection is not reported as a failed
 * send (that would send it twice).
 */
@Component
public class SmtpSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);

    private final AccountDirectory accounts;
    private final MailSessions sessions;
    private final MailLogin login;

    SmtpSender(AccountDirectory accounts, MailSessions sessions, MailLogin login) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.login = login;
    }

    public void send(String accountName, MimeMessage message) throws MessagingException {
        MailboxSettings.Account account = accounts.settings(accountName)
                .orElseThrow(() -> new IllegalArgumentException("no mailbox is named '" + accountName + "'"));
        // saveChanges() gives a message a new Message-ID: the outbox's own, stable one is put back
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new SendFailedException("the message has no recipients");
        }
        Transport transport = sessions.smtp(account).getTransport();
        login.smtp(transport, account);
        try {
            transport.sendMessage(message, recipients);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Mailbox {}: SMTP connection did not close cleanly", accountName, e);
            }
        }
    }
}
