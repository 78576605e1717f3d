package uk.gov.redbridge.onepanel.storage;

import java.util.Objects;
import java.util.UUID;

/** Identifies bytes kept in the {@link ContentStore}. */
public record ContentId(UUID value) {

    public ContentId {
        Objects.requireNonNull(value, "value");
    }

    public static ContentId of(String text) {
        return new ContentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
