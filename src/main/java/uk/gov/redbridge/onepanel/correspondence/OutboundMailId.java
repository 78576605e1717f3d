package uk.gov.redbridge.onepanel.correspondence;

import java.util.Objects;
import java.util.UUID;

public record OutboundMailId(UUID value) {

    public OutboundMailId {
        Objects.requireNonNull(value, "value");
    }

    public static OutboundMailId of(String text) {
        return new OutboundMailId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
