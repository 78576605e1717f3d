package uk.gov.redbridge.onepanel.referrals;

import java.util.List;

/**
 * A reply to the service as the {@link ReplyHandler}s see it: the message, and what in it may tie it to the
 * service's own mail (triage read these). A value of this module, so that a handler in a module above needs neither
 * triage's event nor the mailbox to recognise a reply.
 *
 * @param message      the stored message, parsed
 * @param ownThreadIds message ids in In-Reply-To and References that the service made, nearest first
 * @param plusTags     the tags of plus-addressed panel recipients, lower case ({@code op-2026-0001-nelft})
 * @param reference    a referral reference found in the subject or a plus tag ({@code OP-2026-0001}), or null
 * @param agencyCode   the agency code of a subject token {@code [OP-2026-0001/NELFT]}, upper case, or null
 */
public record IncomingReply(ReplyMessage message, List<String> ownThreadIds, List<String> plusTags, String reference,
        String agencyCode) {

    public IncomingReply {
        ownThreadIds = List.copyOf(ownThreadIds);
        plusTags = List.copyOf(plusTags);
    }
}
