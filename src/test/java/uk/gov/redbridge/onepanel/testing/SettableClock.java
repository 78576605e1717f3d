package uk.gov.redbridge.onepanel.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock a test moves forward by hand: "ten working days later" without waiting. Only forward, and never before
 * the real time (parts of the service compare the clock with the JVM's start).
 */
public final class SettableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public SettableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** 09:00 in London on the first Wednesday after today (real time): a working week ahead, whatever today is. */
    public static SettableClock nextWednesdayMorning() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate day = LocalDate.now(london).plusDays(1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
            day = day.plusDays(1);
        }
        return new SettableClock(day.atTime(9, 0).atZone(london).toInstant(), london);
    }

    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        now = instant;
    }

    /** Moves to a time of day on a later date, in the clock's zone. */
    public void moveTo(LocalDate date, LocalTime time) {
        set(date.atTime(time).atZone(zone).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
