package uk.gov.redbridge.onepanel.papers;

import java.util.Objects;
import java.util.UUID;

/** One issue of a meeting's pack. */
public record PackId(UUID value) {

    public PackId {
        Objects.requireNonNull(value, "value");
    }

    public static PackId of(String text) {
        return new PackId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
