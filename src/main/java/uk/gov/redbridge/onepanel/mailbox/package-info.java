/**
 * The panel mailboxes: IMAP polling and IDLE, UID bookkeeping, the raw message store and {@link
 * uk.gov.redbridge.onepanel.mailbox.InboundMessage}. A message is stored (raw bytes and row committed) before it
 * is moved on the server, and it is never deleted there. Also owns the mail accounts (IMAP and SMTP settings,
 * password or OAuth2 authentication) that {@code correspondence} sends through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage", "mailparsing", "mailparsing :: parser"})
package uk.gov.redbridge.onepanel.mailbox;
