package uk.gov.redbridge.onepanel.meetings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.papers.AgendaLine;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.papers.PackDraft;
import uk.gov.redbridge.onepanel.papers.PackRequest;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * Sends each meeting's pack to the members by its papers deadline, and again, with a note of what changed, when
 * papers change after it went (a late return, a corrected form, an item added). The pack is built outside any
 * transaction; it is recorded and its email queued in one.
 */
@Component
class PackDistribution {

    private static final Logger log = LoggerFactory.getLogger(PackDistribution.class);

    private final MeetingBook book;
    private final Papers papers;
    private final MeetingMails mails;
    private final WorkingDays workingDays;
    private final TransactionTemplate transactions;

    PackDistribution(MeetingBook book, Papers papers, MeetingMails mails, WorkingDays workingDays,
            TransactionTemplate transactions) {
        this.book = book;
        this.papers = papers;
        this.mails = mails;
        this.workingDays = workingDays;
        this.transactions = transactions;
    }

    PackRequest request(Meeting meeting) {
        List<AgendaLine> lines = new ArrayList<>();
        for (AgendaItem item : book.agenda(meeting.id())) {
            lines.add(new AgendaLine(item.number(), item.title(), item.detail(), item.referral()));
        }
        List<String> notes = new ArrayList<>();
        if (meeting.location() != null) {
            notes.add(meeting.location());
        }
        return new PackRequest(meeting.id().value(), "One Panel meeting, " + MeetingMails.DATE.format(meeting.date())
                + ", " + meeting.startsAt(), meeting.date(), meeting.papersDeadline(), notes, lines);
    }

    /** Issues (or re-issues, when anything changed) now, whatever the deadline. Empty when nothing changed. */
    Optional<IssuedPack> issueNow(Meeting meeting, String actor) {
        return issueNow(meeting, actor, (done, total) -> { });
    }

    /** As {@link #issueNow(Meeting, String)}, telling the progress as each referral's papers are collated. */
    Optional<IssuedPack> issueNow(Meeting meeting, String actor, uk.gov.redbridge.onepanel.papers.PackProgress progress) {
        if (meeting.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        PackDraft draft = papers.draftPack(request(meeting), progress);
        if (draft.previousIssue() > 0 && draft.changes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transactions.execute(status -> {
            IssuedPack pack = papers.issue(draft, actor);
            mails.pack(meeting, pack, draft.pdf());
            return pack;
        }));
    }

    /** @return {issued, re-issued} */
    int[] sweep() {
        int issued = 0;
        int reissued = 0;
        for (Meeting meeting : book.upcoming()) {
            try {
                Optional<IssuedPack> last = papers.latestPack(meeting.id().value());
                if (last.isEmpty()) {
                    // an empty agenda sends nothing: the chair may cancel the meeting instead
                    if (!meeting.papersDeadline().isAfter(workingDays.today()) && !book.agenda(meeting.id()).isEmpty()) {
                        issued += issueNow(meeting, MeetingBook.SYSTEM).isPresent() ? 1 : 0;
                    }
                } else if (!papers.pendingChanges(request(meeting)).isEmpty()) {
                    reissued += issueNow(meeting, MeetingBook.SYSTEM).isPresent() ? 1 : 0;
                }
            } catch (RuntimeException e) {
                // one meeting's pack failing must not stop the others'; the next run tries again
                log.error("The pack of the meeting {} could not be issued", meeting.id(), e);
            }
        }
        return new int[] {issued, reissued};
    }
}
