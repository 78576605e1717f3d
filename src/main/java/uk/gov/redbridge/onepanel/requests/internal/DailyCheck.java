package uk.gov.redbridge.onepanel.requests.internal;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.requests.DeadlineCheck;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/** The daily deadline check and the digest after it, on one instance of a group at a time. */
@Component
public class DailyCheck {

    private final DeadlineSweep sweep;
    private final DailyDigest digest;
    private final WorkingDays workingDays;

    DailyCheck(DeadlineSweep sweep, DailyDigest digest, WorkingDays workingDays) {
        this.sweep = sweep;
        this.digest = digest;
        this.workingDays = workingDays;
    }

    /** Empty when another instance holds the lock (it is doing the work). */
    @SchedulerLock(name = "requests-daily", lockAtMostFor = "PT30M")
    public Optional<DeadlineCheck> run() {
        DeadlineSweep.Counts counts = sweep.run();
        boolean digestSent = digest.sendIfDue();
        return Optional.of(new DeadlineCheck(workingDays.today(), counts.reminders(), counts.overdue(),
                counts.escalated(), digestSent));
    }
}
