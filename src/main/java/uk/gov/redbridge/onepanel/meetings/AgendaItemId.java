package uk.gov.redbridge.onepanel.meetings;

import java.util.Objects;
import java.util.UUID;

public record AgendaItemId(UUID value) {

    public AgendaItemId {
        Objects.requireNonNull(value, "value");
    }

    public static AgendaItemId of(String text) {
        return new AgendaItemId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
