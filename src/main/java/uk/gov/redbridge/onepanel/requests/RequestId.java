package uk.gov.redbridge.onepanel.requests;

import java.util.Objects;
import java.util.UUID;

public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    public static RequestId of(String text) {
        return new RequestId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
