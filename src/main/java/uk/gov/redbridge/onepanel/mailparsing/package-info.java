/**
 * A parsed email: its headers, readable bodies, attachments (also those of forwarded messages) and what could not
 * be read ({@link uk.gov.redbridge.onepanel.mailparsing.MailAnatomy}; parsed by {@link
 * uk.gov.redbridge.onepanel.mailparsing.parser.MailParser}, a named interface of its own), the words its sender wrote in a reply
 * ({@link uk.gov.redbridge.onepanel.mailparsing.ReplyText}) and addresses read from a header
 * ({@link uk.gov.redbridge.onepanel.mailparsing.MailAddresses}). A leaf: Jakarta Mail and jsoup only, no Spring
 * beans, no database. Only {@code mailbox} parses a stored message's bytes
 * ({@code InboundMessages.parsed(id)}, once per message); the other modules take the parsed message from it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package uk.gov.redbridge.onepanel.mailparsing;
