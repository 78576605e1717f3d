package uk.gov.redbridge.onepanel.meetings;

import java.util.Objects;
import java.util.UUID;

public record MeetingId(UUID value) {

    public MeetingId {
        Objects.requireNonNull(value, "value");
    }

    public static MeetingId of(String text) {
        return new MeetingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
