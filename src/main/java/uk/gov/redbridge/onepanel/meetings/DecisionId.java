package uk.gov.redbridge.onepanel.meetings;

import java.util.Objects;
import java.util.UUID;

public record DecisionId(UUID value) {

    public DecisionId {
        Objects.requireNonNull(value, "value");
    }

    public static DecisionId of(String text) {
        return new DecisionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
