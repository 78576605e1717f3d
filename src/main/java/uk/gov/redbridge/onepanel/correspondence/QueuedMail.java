package uk.gov.redbridge.onepanel.correspondence;

/** What {@link Correspondence#queue} wrote: the row, its Message-ID, and whether it will be sent or was blocked. */
public record QueuedMail(OutboundMailId id, String messageId, OutboundState state) {
}
