package uk.gov.redbridge.onepanel.meetings.internal;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.meetings.PapersCheck;

/**
 * One run of the meetings' routine, on one instance of a group at a time: meetings scheduled ahead, ready referrals
 * placed on the next agenda, packs issued by their deadline and re-issued when papers changed.
 */
@Component
public class PapersCheckRun {

    private final MeetingBook book;
    private final PackDistribution distribution;
    private final TransactionTemplate transactions;

    PapersCheckRun(MeetingBook book, PackDistribution distribution, TransactionTemplate transactions) {
        this.book = book;
        this.distribution = distribution;
        this.transactions = transactions;
    }

    /** Empty when another instance holds the lock. */
    @SchedulerLock(name = "meetings-papers", lockAtMostFor = "PT30M")
    public Optional<PapersCheck> run() {
        int scheduled = transactions.execute(s -> book.scheduleAhead());
        int placed = transactions.execute(s -> book.placeReadyReferrals());
        int[] packs = distribution.sweep();
        return Optional.of(new PapersCheck(scheduled, placed, packs[0], packs[1]));
    }
}
