package uk.gov.redbridge.onepanel.workingdays;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A due date counted in working days, with the counting convention written out so that whoever reads a stored
 * deadline later (a person, an auditor, another version of this service) can check it by hand.
 *
 * @param start       the day the clock started: a request sent, a notification received (day 0)
 * @param workingDays how many working days were allowed
 * @param due         the last day on which the answer is on time: day {@code workingDays}
 * @param convention  how the days were counted, e.g. "day 1 is the first working day after 2026-03-02"
 */
public record Deadline(LocalDate start, int workingDays, LocalDate due, String convention) {

    public Deadline {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(convention, "convention");
        if (workingDays < 0) {
            throw new IllegalArgumentException("a deadline cannot be a negative number of working days: " + workingDays);
        }
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("due date " + due + " is before the start " + start);
        }
        if (convention.isBlank()) {
            throw new IllegalArgumentException("a deadline records how its days were counted");
        }
    }

    /** The convention text {@link WorkingDays#deadline} records for a deadline that started on {@code start}. */
    public static String conventionFor(LocalDate start) {
        return "day 1 is the first working day after " + start.format(
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }

    /** True once {@code today} is past the due date: an answer on the due date itself is on time. */
    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(due);
    }
}
