package uk.gov.redbridge.onepanel.exceptions;

import java.util.Objects;
import java.util.UUID;

public record ExceptionId(UUID value) {

    public ExceptionId {
        Objects.requireNonNull(value, "value");
    }

    public static ExceptionId of(String text) {
        return new ExceptionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
