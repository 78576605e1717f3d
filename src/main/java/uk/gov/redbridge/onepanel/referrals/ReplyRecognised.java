package uk.gov.redbridge.onepanel.referrals;

import java.util.UUID;

/**
 * A reply recognised as one module's: published by the reply router in the transaction that decided it, heard by
 * the {@code owner} module, which records the reply (idempotently: after a crash the event is delivered again).
 *
 * @param messageId          the stored reply ({@code InboundMessageId}'s value); {@link ReceivedReplies} reads it
 * @param mailbox            the panel mailbox it arrived in
 * @param owner              the module that recognised it and records it: {@code meetings}, {@code requests},
 *                           {@code referrals} ({@link ReplyHandler#owner()})
 * @param target             what it answers, in the owner's terms (a request id, a further-information request id,
 *                           a referral reference)
 * @param matchedBy          what tied it to the target, in the owner's terms (e.g. {@code THREADING})
 * @param referralReference  the referral it concerns, when known, as text ({@code OP-2026-0001}), or null
 */
public record ReplyRecognised(UUID messageId, String mailbox, String owner, String target, String matchedBy,
        String referralReference) {
}
