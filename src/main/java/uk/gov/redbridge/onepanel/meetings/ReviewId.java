package uk.gov.redbridge.onepanel.meetings;

import java.util.Objects;
import java.util.UUID;

public record ReviewId(UUID value) {

    public ReviewId {
        Objects.requireNonNull(value, "value");
    }

    public static ReviewId of(String text) {
        return new ReviewId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
