package uk.gov.redbridge.onepanel.links;

import java.util.Objects;
import java.util.UUID;

public record LinkId(UUID value) {

    public LinkId {
        Objects.requireNonNull(value, "value");
    }

    public static LinkId of(String text) {
        return new LinkId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
