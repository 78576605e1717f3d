package uk.gov.redbridge.onepanel.referrals;

import java.util.UUID;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * A stored reply, parsed once by the mailbox.
 *
 * @param id      the stored message ({@code InboundMessageId}'s value)
 * @param mailbox the panel mailbox it arrived in ({@code onepanel}, {@code rsab}, {@code rscp})
 * @param sender  the envelope sender as the mailbox recorded it, or null
 * @param mail    the message's parts
 */
public record ReplyMessage(UUID id, String mailbox, String sender, ParsedMail mail) {
}
