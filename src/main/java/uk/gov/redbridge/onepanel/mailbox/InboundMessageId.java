package uk.gov.redbridge.onepanel.mailbox;

import java.util.Objects;
import java.util.UUID;

/** Identifies one stored inbound message (one copy in one mailbox). */
public record InboundMessageId(UUID value) {

    public InboundMessageId {
        Objects.requireNonNull(value, "value");
    }

    public static InboundMessageId random() {
        return new InboundMessageId(UUID.randomUUID());
    }

    public static InboundMessageId of(String text) {
        return new InboundMessageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
