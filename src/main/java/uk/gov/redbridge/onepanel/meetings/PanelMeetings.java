package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.meetings.internal.AnnualReview;
import uk.gov.redbridge.onepanel.meetings.internal.DecisionRepository;
import uk.gov.redbridge.onepanel.meetings.internal.Deliberations;
import uk.gov.redbridge.onepanel.meetings.internal.MeetingBook;
import uk.gov.redbridge.onepanel.meetings.internal.MeetingRepository;
import uk.gov.redbridge.onepanel.meetings.internal.PackIssuing;
import uk.gov.redbridge.onepanel.meetings.internal.PapersCheckRun;
import uk.gov.redbridge.onepanel.meetings.internal.ReviewRepository;
import uk.gov.redbridge.onepanel.meetings.internal.ReviewTracker;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Panel meetings, from the schedule to the outcome and on to the review and the annual report: what the pages, the
 * API and the dashboard use. The service prepares and records; the panel recommends and the boards decide.
 */
@Service
public class PanelMeetings {

    private final MeetingBook book;
    private final Deliberations deliberations;
    private final ReviewTracker reviews;
    private final AnnualReview annual;
    private final PapersCheckRun papersCheck;
    private final Papers papers;
    private final PackIssuing packIssuing;
    private final MeetingRepository meetingRecords;
    private final DecisionRepository decisionRecords;
    private final ReviewRepository reviewRecords;

    PanelMeetings(MeetingBook book, Deliberations deliberations, ReviewTracker reviews, AnnualReview annual,
            PapersCheckRun papersCheck, Papers papers, PackIssuing packIssuing, MeetingRepository meetingRecords,
            DecisionRepository decisionRecords, ReviewRepository reviewRecords) {
        this.book = book;
        this.deliberations = deliberations;
        this.reviews = reviews;
        this.annual = annual;
        this.papersCheck = papersCheck;
        this.papers = papers;
        this.packIssuing = packIssuing;
        this.meetingRecords = meetingRecords;
        this.decisionRecords = decisionRecords;
        this.reviewRecords = reviewRecords;
    }

    // meetings and agendas

    /** Every meeting, earliest first (past and upcoming). */
    public List<Meeting> meetings() {
        return book.all();
    }

    public Optional<Meeting> find(MeetingId id) {
        return book.find(id);
    }

    public List<PanelMember> members() {
        return deliberations.members();
    }

    @Transactional
    public Meeting addMeeting(LocalDate date, LocalTime time, String location, String actor) {
        return book.add(date, time, location, actor);
    }

    /** Moves a meeting (its papers deadline moves with it). */
    @Transactional
    public Meeting reschedule(MeetingId id, LocalDate date, LocalTime time, String location) {
        return book.reschedule(id, date, time, location);
    }

    /** Cancels a meeting with a reason: the members are told, open items move to the next meeting. */
    @Transactional
    public Meeting cancel(MeetingId id, String reason, String actor) {
        return book.cancel(id, reason, actor);
    }

    public List<AgendaItem> agenda(MeetingId id) {
        return meetingRecords.items(id);
    }

    /** Adds an item: a referral (by reference) or another item with a title. */
    @Transactional
    public AgendaItem addItem(MeetingId id, ReferralReference referral, String title, String detail, String actor) {
        return book.addItem(id, referral, title, detail, actor);
    }

    @Transactional
    public boolean removeItem(AgendaItemId id, String actor) {
        return book.removeItem(id, actor);
    }

    // papers

    /**
     * The routine: meetings scheduled ahead, ready referrals put on the next agenda, packs issued by their papers
     * deadline and re-issued with a changes note when papers changed. Runs on its own every interval; each step
     * happens once however often this runs. Empty if another instance is running it.
     */
    public Optional<PapersCheck> checkPapers() {
        return papersCheck.run();
    }

    /** Issues the meeting's pack now (before its deadline), or re-issues it if papers changed; empty if not. */
    public Optional<IssuedPack> issuePapersNow(MeetingId id, String actor) {
        return packIssuing.issueNow(id, actor);
    }

    /**
     * Starts issuing the pack in the background (the meeting page shows how far it has gone), or joins the issue
     * already running for the meeting: a double click sends the papers once.
     */
    public PapersIssue startIssuingPapers(MeetingId id, String actor) {
        return packIssuing.start(id, actor);
    }

    /** The issue started by hand last, running or finished. */
    public Optional<PapersIssue> papersIssue(MeetingId id) {
        return packIssuing.progress(id);
    }

    public Optional<IssuedPack> pack(MeetingId id) {
        return papers.latestPack(id.value());
    }

    public List<IssuedPack> packs(MeetingId id) {
        return papers.packs(id.value());
    }

    public Optional<byte[]> packPdf(MeetingId id) {
        return pack(id).flatMap(p -> papers.packContent(p.id()));
    }

    // at the meeting

    @Transactional
    public Attendee recordAttendance(MeetingId id, String nameOrEmail, String agency, String role, String actor) {
        return deliberations.attend(id, nameOrEmail, agency, role, actor);
    }

    @Transactional
    public boolean removeAttendance(MeetingId id, String agency, String name) {
        return meetingRecords.removeAttendee(id, agency, name);
    }

    public List<Attendee> attendance(MeetingId id) {
        return meetingRecords.attendees(id);
    }

    /** Quorum now, from who is recorded present. */
    public Quorum quorum(MeetingId id) {
        return deliberations.quorum(id);
    }

    @Transactional
    public Vote recordVote(AgendaItemId item, String agency, Recommendation choice, String castBy, String actor) {
        return deliberations.vote(item, agency, choice, castBy, actor);
    }

    public List<Vote> votes(AgendaItemId item) {
        return meetingRecords.votes(item);
    }

    /**
     * Records the panel's recommendation: section 6 of the form is filled in, the referral is DECIDED, and the
     * outcome emails go (referrer, duty holder, statutory partners; dissent escalated).
     *
     * @throws QuorumNotMetException     if the panel is not quorate
     * @throws IllegalArgumentException  naming what the form lacks
     */
    @Transactional
    public Decision recordDecision(AgendaItemId item, DecisionForm form, String actor) {
        return deliberations.decide(item, form, actor);
    }

    /** Asks the members by email for what the panel needs; each answer is recorded as it comes. */
    @Transactional
    public FurtherInformation requestFurtherInformation(AgendaItemId item, String question, LocalDate due,
            String actor) {
        return deliberations.askMembers(item, question, due, actor);
    }

    public Optional<FurtherInformation> furtherInformation(AgendaItemId item) {
        return decisionRecords.requestFor(item);
    }

    /** The recommendation made by email, without a second meeting (answers must cover the quorum's sectors). */
    @Transactional
    public Decision recordDecisionByEmail(AgendaItemId item, DecisionForm form, String actor) {
        return deliberations.decideByEmail(item, form, actor);
    }

    /** The board or partnership ratifies or changes the recommendation. */
    @Transactional
    public Decision recordBoardDecision(DecisionId id, BoardDecisionForm form, String actor) {
        return deliberations.boardDecision(id, form, actor);
    }

    public Optional<Decision> decision(DecisionId id) {
        return decisionRecords.find(id);
    }

    public Optional<Decision> decision(AgendaItemId item) {
        return decisionRecords.forItem(item);
    }

    public List<Decision> decisions(MeetingId id) {
        return decisionRecords.forMeeting(id);
    }

    // reviews

    public List<Review> reviews() {
        return reviewRecords.all();
    }

    public Review review(ReviewId id) {
        return reviews.get(id);
    }

    @Transactional
    public Review commissionReview(ReviewId id, LocalDate commissionedOn, String reviewer) {
        return reviews.commission(id, commissionedOn, reviewer);
    }

    @Transactional
    public Review addReviewMilestone(ReviewId id, String name, LocalDate due) {
        return reviews.addMilestone(id, name, due);
    }

    @Transactional
    public Review completeReviewMilestone(ReviewId id, UUID milestone, LocalDate done) {
        return reviews.completeMilestone(id, milestone, done);
    }

    @Transactional
    public Review addReviewAction(ReviewId id, String description, String owner, String overseenBy,
            LocalDate due) {
        return reviews.addAction(id, description, owner, overseenBy, due);
    }

    @Transactional
    public Review completeReviewAction(ReviewId id, UUID action, LocalDate done) {
        return reviews.completeAction(id, action, done);
    }

    /** The final report has been shared with the panel: tracking ends and the referral closes. */
    @Transactional
    public Review finalReportShared(ReviewId id, LocalDate on, String actor) {
        return reviews.finalReportShared(id, on, actor);
    }

    /** For the dashboard: milestones of open reviews past their date and not done, most overdue first. */
    public List<OverdueMilestone> overdueReviewMilestones() {
        return reviews.overdueMilestones();
    }

    // the annual review

    /** @throws IllegalArgumentException for a period that is empty, backwards or longer than 12 months */
    public AnnualReport annualReport(LocalDate from, LocalDate to) {
        return annual.report(from, to);
    }
}
