/**
 * Parsing an email's bytes ({@link uk.gov.redbridge.onepanel.mailparsing.parser.MailParser}). A named interface of
 * its own: a module may parse mail only if its {@code package-info.java} allows {@code "mailparsing :: parser"}
 * ({@code mailbox}, which hands the parsed message to everyone else, and {@code extraction}, for the command line's
 * {@code .eml} files and its warm-up), and {@code ModularityTests} holds the others to that.
 */
@org.springframework.modulith.NamedInterface("parser")
package uk.gov.redbridge.onepanel.mailparsing.parser;
