package uk.gov.redbridge.onepanel.mailbox;

/**
 * Where the embedded mail server (GreenMail, on by default, off in production) listens. It accepts mail for any
 * address and keeps it in a mailbox whose login and password are that address, so the mail the service sends to a
 * referrer or agency can be read back over IMAP.
 */
public record EmbeddedMailServer(String host, int smtpPort, int imapPort) {
}
