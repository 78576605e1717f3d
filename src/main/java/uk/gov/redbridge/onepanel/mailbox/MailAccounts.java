package uk.gov.redbridge.onepanel.mailbox;

import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailbox.internal.AccountDirectory;
import uk.gov.redbridge.onepanel.mailbox.internal.GreenMailServer;
import uk.gov.redbridge.onepanel.mailbox.internal.PollCoordinator;
import uk.gov.redbridge.onepanel.mailbox.internal.SmtpSender;

/** The panel mailboxes: which there are, which one an address belongs to, and sending mail from one of them. */
@Service
public class MailAccounts {

    private final AccountDirectory directory;
    private final SmtpSender sender;
    private final PollCoordinator polls;
    private final ObjectProvider<GreenMailServer> embedded;

    MailAccounts(AccountDirectory directory, SmtpSender sender, PollCoordinator polls,
            ObjectProvider<GreenMailServer> embedded) {
        this.directory = directory;
        this.sender = sender;
        this.polls = polls;
        this.embedded = embedded;
    }

    /** Every configured mailbox, in configuration order. */
    public List<MailAccount> accounts() {
        return directory.accounts();
    }

    /** The mailbox with this configured name ({@code onepanel}, {@code rsab}, {@code rscp}). */
    public Optional<MailAccount> byName(String name) {
        return directory.byName(name);
    }

    /**
     * The mailbox that receives mail for this address, ignoring case and a {@code +tag}:
     * {@code rsab+op-2026-0001-nelft@Redbridge.gov.uk} belongs to {@code RSAB@redbridge.gov.uk}.
     */
    public Optional<MailAccount> owningAddress(String address) {
        return directory.owning(address);
    }

    /**
     * Sends a message through the account's SMTP server, logged in with its password or with XOAUTH2 and a fresh
     * app-only token. The envelope sender is the account's address; the message's own Message-ID is kept (set it
     * before calling); the recipients are the message's To, Cc and Bcc (Bcc is not transmitted as a header).
     * Exceptions are the server's, unwrapped: {@link jakarta.mail.SendFailedException} and Angus's
     * {@code SMTPSendFailedException} / {@code SMTPAddressFailedException} (with the SMTP return code) for refusals,
     * {@link jakarta.mail.AuthenticationFailedException} for a refused login, {@link MessagingException} with an
     * {@code IOException} cause for connection failures. A failure after the server accepted the message is not
     * reported.
     *
     * @throws IllegalArgumentException if no account has this name
     */
    public void send(String accountName, MimeMessage message) throws MessagingException {
        sender.send(accountName, message);
    }

    /** Where the embedded mail server listens, if it runs (the default; never in production). */
    public Optional<EmbeddedMailServer> embeddedServer() {
        return Optional.ofNullable(embedded.getIfAvailable()).map(GreenMailServer::info);
    }

    /**
     * Checks every mailbox now and returns when done (each under its lock and its backoff: a mailbox that another
     * instance is checking, or that is backing off after a failure, is skipped). For tests and for an operator's
     * "check now"; the service checks by itself on a schedule and on IMAP IDLE.
     *
     * @return how many messages were newly logged
     */
    public int pollNow() {
        return polls.pollNow();
    }
}
