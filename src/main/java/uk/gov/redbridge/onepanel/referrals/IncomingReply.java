package uk.gov.redbridge.onepanel.referrals;

import java.util.List;
import java.util.UUID;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * A reply to the service as the {@link ReplyHandler}s receive it: the stored message, already parsed (once, by the
 * mailbox), and what in it may tie it to the service's own mail. A value of this module, so that a handler in a
 * module above needs neither triage's event nor the mailbox to read a reply.
 *
 * @param messageId    the stored message ({@code InboundMessageId}'s value)
 * @param mailbox      the panel mailbox it arrived in ({@code onepanel}, {@code rsab}, {@code rscp})
 * @param sender       the envelope sender as the mailbox recorded it, or null
 * @param mail         the message's parts
 * @param ownThreadIds message ids in In-Reply-To and References that the service made, nearest first
 * @param plusTags     the tags of plus-addressed panel recipients, lower case ({@code op-2026-0001-nelft})
 * @param reference    a referral reference found in the subject or a plus tag ({@code OP-2026-0001}), or null
 * @param agencyCode   the agency code of a subject token {@code [OP-2026-0001/NELFT]}, upper case, or null
 */
public record IncomingReply(UUID messageId, String mailbox, String sender, ParsedMail mail, List<String> ownThreadIds,
        List<String> plusTags, String reference, String agencyCode) {

    public IncomingReply {
        ownThreadIds = List.copyOf(ownThreadIds);
        plusTags = List.copyOf(plusTags);
    }
}
