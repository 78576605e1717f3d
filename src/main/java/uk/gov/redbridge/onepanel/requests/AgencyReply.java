package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/**
 * A message recorded against a request.
 *
 * @param kind      what it was taken as
 * @param matchedBy how it was tied to the request
 * @param note      why, in words without personal data (e.g. the phrase that meant "not known")
 */
public record AgencyReply(InboundMessageId messageId, Kind kind, MatchRule matchedBy, String note, Instant recordedAt,
        String recordedBy) {

    public enum Kind {
        /** The agency's return. */
        RETURN,
        /** The agency said the person is not known to its service. */
        NOT_KNOWN,
        /** Another reply after the request was answered: kept with it, and shown to the secretariat. */
        FURTHER_REPLY,
        /** An out-of-office or other automatic reply: never a return. */
        AUTO_REPLY,
        /** Held for the secretariat: from a domain the directory does not know, or to a cancelled request. */
        HELD
    }
}
