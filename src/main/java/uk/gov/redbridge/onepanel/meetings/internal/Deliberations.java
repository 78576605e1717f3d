package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionRecorded;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.Decision.BoardDecision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.DecisionId;
import uk.gov.redbridge.onepanel.meetings.DecisionRefused;
import uk.gov.redbridge.onepanel.meetings.DecisionRecorded;
import uk.gov.redbridge.onepanel.meetings.FurtherInformation;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.MemberAnswer;
import uk.gov.redbridge.onepanel.meetings.PanelMember;
import uk.gov.redbridge.onepanel.meetings.Quorum;
import uk.gov.redbridge.onepanel.meetings.QuorumNotMetException;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.meetings.Vote;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;

/**
 * At the meeting and after it: attendance, quorum, one vote per agency, the panel's recommendation (refused unless
 * the panel is quorate), further information by email, and the board's decision. Each recorded recommendation fills
 * in section 6 of the form and sends the outcome emails; dissent is escalated to the statutory partners.
 */
@Component
public class Deliberations {

    private final MeetingBook book;
    private final MeetingRepository meetings;
    private final DecisionRepository decisions;
    private final AgencyDirectory directory;
    private final MeetingsSettings settings;
    private final ReferralLog referrals;
    private final MeetingMails mails;
    private final ReviewTracker reviews;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deliberations(MeetingBook book, MeetingRepository meetings, DecisionRepository decisions,
            AgencyDirectory directory, MeetingsSettings settings, ReferralLog referrals, MeetingMails mails,
            ReviewTracker reviews, ApplicationEventPublisher events, Clock clock) {
        this.book = book;
        this.meetings = meetings;
        this.decisions = decisions;
        this.directory = directory;
        this.settings = settings;
        this.referrals = referrals;
        this.mails = mails;
        this.reviews = reviews;
        this.events = events;
        this.clock = clock;
    }

    // attendance and quorum

    /**
     * Records someone present for an agency. A configured member is matched by name or email; anyone else (a
     * deputy) is recorded with the agency given.
     *
     * @throws IllegalArgumentException for an agency not in the directory
     */
    public Attendee attend(MeetingId id, String nameOrEmail, String agencyCode, String role, String actor) {
        Meeting meeting = book.get(id);
        if (meeting.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        Optional<PanelMember> member = member(nameOrEmail);
        String agency = member.map(PanelMember::agency).orElse(agencyCode);
        Agency a = directory.byCode(agency)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + agency + " in the directory"));
        if (member.isEmpty() && (nameOrEmail == null || nameOrEmail.isBlank())) {
            throw new IllegalArgumentException("give the person's name");
        }
        Attendee attendee = new Attendee(member.map(PanelMember::name).orElse(nameOrEmail.trim()),
                member.map(PanelMember::role).orElse(role), a.code(), member.isPresent(), clock.instant(), actor);
        meetings.addAttendee(id, attendee);
        return attendee;
    }

    public Quorum quorum(MeetingId id) {
        return QuorumRule.evaluate(directory, meetings.attendees(id).stream().map(Attendee::agency).toList());
    }

    // votes

    /**
     * The agency's one vote on the item, cast by one of its people present; a second person of the same agency
     * replaces it rather than adding one.
     *
     * @throws IllegalStateException if the agency is not represented at the meeting or has no vote
     */
    public Vote vote(AgendaItemId itemId, String agencyCode, Recommendation choice, String castBy, String actor) {
        AgendaItem item = book.item(itemId).orElseThrow(() -> new IllegalArgumentException("no agenda item " + itemId));
        Agency agency = directory.byCode(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + agencyCode + " in the directory"));
        if (!agency.votingMember()) {
            throw new IllegalStateException(agency.code() + " attends without a vote");
        }
        if (meetings.attendees(item.meetingId()).stream().noneMatch(a -> a.agency().equals(agency.code()))) {
            throw new IllegalStateException("no one is present for " + agency.code());
        }
        Vote vote = new Vote(agency.code(), choice, castBy == null || castBy.isBlank() ? agency.code() : castBy.trim(),
                clock.instant());
        meetings.vote(itemId, vote, actor);
        return vote;
    }

    // the recommendation

    /**
     * Records the panel's recommendation at the meeting.
     *
     * @throws QuorumNotMetException when the panel is not quorate: no decision is recorded
     */
    public Decision decide(AgendaItemId itemId, DecisionForm form, String actor) {
        AgendaItem item = openItem(itemId);
        Meeting meeting = book.get(item.meetingId());
        if (meeting.state() == MeetingState.CANCELLED) {
            throw new IllegalStateException("the meeting was cancelled");
        }
        Quorum quorum = quorum(meeting.id());
        if (!quorum.quorate()) {
            throw new QuorumNotMetException(quorum);
        }
        return record(item, meeting, form, false, quorum.describe(), actor);
    }

    /**
     * Records the recommendation made by email after a request for further information: the members' answers must
     * come from agencies that cover the quorum's sectors.
     */
    public Decision decideByEmail(AgendaItemId itemId, DecisionForm form, String actor) {
        AgendaItem item = openItem(itemId);
        FurtherInformation request = decisions.requestFor(itemId).orElseThrow(
                () -> new IllegalStateException("no further information was asked for on this item"));
        Quorum quorum = QuorumRule.evaluate(directory, request.answers().stream().map(MemberAnswer::agency)
                .filter(a -> a != null).toList());
        if (!quorum.quorate()) {
            throw new QuorumNotMetException(quorum);
        }
        return record(item, book.get(item.meetingId()), form, true,
                quorum.describe().replace("represented", "answered by email"), actor);
    }

    private Decision record(AgendaItem item, Meeting meeting, DecisionForm form, boolean byEmail, String quorum,
            String actor) {
        List<DecisionRefused.Problem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new DecisionRefused(problems);
        }
        Referral referral = item.referral() == null ? null : referrals.find(item.referral()).orElseThrow();
        LocalDate date = byEmail ? LocalDate.now(clock) : meeting.date();
        List<String> dissent = form.dissentingAgencies().stream().map(c -> directory.byCode(c).map(Agency::code)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + c + " in the directory"))).distinct()
                .toList();
        Decision decision = new Decision(new DecisionId(UUID.randomUUID()), meeting.id(), item.id(),
                item.referral(), date, byEmail, form.recommendations(),
                form.recommendations().size() > 1 ? form.leadProcess() : null,
                form.recommendations().contains(Recommendation.SAR) ? form.sarBasis() : null, blank(form.focus()),
                form.methodologies(), form.reasons().trim(), form.followUps(), dissent, blank(form.dissentNote()),
                !dissent.isEmpty(), quorum, meetings.votes(item.id()), clock.instant(), actor, BoardDecision.pending());
        decisions.insert(decision, referral == null ? null : referral.id().value());
        book.itemState(item.id(), AgendaItem.ItemState.DECIDED);
        if (referral != null) {
            referrals.recordPanelDecision(referral.reference(), date, section6(decision, directory),
                    followUpText(decision), actor);
            referrals.changeStatus(referral.reference(), ReferralStatus.DECIDED, actor,
                    "the panel recommended: " + decision.main().label());
            mails.outcome(decision, referral);
            if (decision.escalated()) {
                mails.dissent(decision, referral);
            }
        }
        events.publishEvent(new DecisionRecorded(decision.id(), meeting.id(), item.referral(), decision.main(),
                decision.escalated()));
        return decision;
    }

    /**
     * The chair of the board or partnership ratifies or changes the recommendation. A review decided on is tracked
     * from here (the referral goes to REVIEW_IN_PROGRESS); no review closes the referral.
     */
    public Decision boardDecision(DecisionId id, BoardDecisionForm form, String actor) {
        Decision decision = decisions.find(id).orElseThrow(() -> new IllegalArgumentException("no decision " + id));
        if (form.decidedBy() == null || form.decidedBy().isBlank() || form.decidedOn() == null
                || form.reason() == null || form.reason().isBlank()) {
            throw new IllegalArgumentException("say who decided, on what date, and why");
        }
        Recommendation decided = form.ratified() ? decision.main() : form.decision();
        if (decided == null) {
            throw new IllegalArgumentException("a changed decision needs the decision");
        }
        SarBasis basis = decided == Recommendation.SAR ? (form.ratified() && form.sarBasis() == null
                ? decision.sarBasis() : form.sarBasis()) : null;
        if (decided == Recommendation.SAR && basis == null) {
            throw new IllegalArgumentException("say whether the SAR is mandatory (s44(1)-(3)) or discretionary "
                    + "(s44(4))");
        }
        BoardDecision board = new BoardDecision(form.ratified() ? BoardDecision.Outcome.RATIFIED
                : BoardDecision.Outcome.CHANGED, decided, basis, form.decidedBy().trim(), form.decidedOn(),
                form.reason().trim(), clock.instant(), actor);
        if (!decisions.recordBoard(id, board)) {
            throw new IllegalStateException("the board's decision was recorded already");
        }
        Decision updated = decisions.find(id).orElseThrow();
        if (updated.referral() != null) {
            Referral referral = referrals.find(updated.referral()).orElseThrow();
            referrals.note(referral.reference(), "BOARD_DECISION", (form.ratified() ? "Ratified" : "Changed") + " by "
                    + board.decidedBy() + " on " + MeetingMails.DATE.format(board.decidedOn()) + ": "
                    + decided.label(), actor);
            if (decided.isReview()) {
                reviews.open(updated, referral);
                referrals.changeStatus(referral.reference(), ReferralStatus.REVIEW_IN_PROGRESS, actor,
                        decided.label() + " agreed");
            } else {
                referrals.changeStatus(referral.reference(), ReferralStatus.CLOSED, actor, "no review");
            }
            mails.boardDecision(updated, referral);
        }
        events.publishEvent(new BoardDecisionRecorded(id, updated.referral(), decided, form.ratified()));
        return updated;
    }

    // further information

    /** The panel needs more before it recommends: the members are asked by email, each answer is recorded. */
    public FurtherInformation askMembers(AgendaItemId itemId, String question, LocalDate due, String actor) {
        AgendaItem item = openItem(itemId);
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("say what information is needed");
        }
        UUID id = UUID.randomUUID();
        decisions.insertRequest(id, itemId, question.trim(), due, clock.instant(), actor);
        book.itemState(itemId, AgendaItem.ItemState.FURTHER_INFORMATION);
        Referral referral = item.referral() == null ? null : referrals.find(item.referral()).orElseThrow();
        mails.furtherInformation(id, referral, question.trim(), due);
        if (referral != null) {
            referrals.note(referral.reference(), "FURTHER_INFORMATION",
                    "The panel asked its members for further information by email", actor);
        }
        return decisions.request(id).orElseThrow();
    }

    public List<PanelMember> members() {
        return settings.members();
    }

    private AgendaItem openItem(AgendaItemId itemId) {
        AgendaItem item = book.item(itemId).orElseThrow(() -> new IllegalArgumentException("no agenda item " + itemId));
        if (item.state() == AgendaItem.ItemState.DECIDED) {
            throw new IllegalStateException("the panel has recommended on this item already");
        }
        return item;
    }

    private Optional<PanelMember> member(String nameOrEmail) {
        if (nameOrEmail == null) {
            return Optional.empty();
        }
        String key = nameOrEmail.trim().toLowerCase(Locale.ROOT);
        return settings.members().stream().filter(m -> m.email().toLowerCase(Locale.ROOT).equals(key)
                || m.name() != null && m.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** What the recommendation lacks, part by part, for a page to check before it asks; empty when it can be recorded. */
    public static List<DecisionRefused.Problem> problemsOf(DecisionForm form) {
        return problems(form);
    }

    /** What the recommendation lacks, part by part; empty when it can be recorded. */
    static List<DecisionRefused.Problem> problems(DecisionForm form) {
        List<DecisionRefused.Problem> problems = new ArrayList<>();
        if (form.recommendations().isEmpty()) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.RECOMMENDATIONS,
                    "Select the panel's recommendation"));
        }
        if (form.recommendations().contains(Recommendation.NO_REVIEW) && form.recommendations().size() > 1) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.RECOMMENDATIONS,
                    "'No review' cannot go with another recommendation"));
        }
        EnumSet<Recommendation> statutory = EnumSet.noneOf(Recommendation.class);
        form.recommendations().stream().filter(Recommendation::statutory).forEach(statutory::add);
        if (form.recommendations().size() > 1 && (form.leadProcess() == null
                || !form.recommendations().contains(form.leadProcess()))) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.LEAD_PROCESS,
                    "More than one review type applies: select which process leads"));
        }
        if (statutory.contains(Recommendation.SAR) && form.sarBasis() == null) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.SAR_BASIS,
                    "Select whether the Safeguarding Adults Review is mandatory or discretionary"));
        }
        if (form.reasons() == null || form.reasons().isBlank()) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.REASONS,
                    "Enter the reasons for the recommendation"));
        }
        for (var a : form.followUps()) {
            if (a.description() == null || a.description().isBlank() || a.owner() == null || a.owner().isBlank()) {
                problems.add(new DecisionRefused.Problem(DecisionRefused.ACTIONS,
                        "Enter a description and an owner for each follow-up action"));
                break;
            }
        }
        // what a dissent note is about must be said: a note without the agencies that disagreed would be dropped
        if (form.dissentingAgencies().isEmpty() && form.dissentNote() != null && !form.dissentNote().isBlank()) {
            problems.add(new DecisionRefused.Problem(DecisionRefused.DISSENT,
                    "Select the agencies that disagreed, or clear what they disagreed with"));
        }
        return problems;
    }

    /** What section 6 says: the recommendation in words. */
    static String section6(Decision d) {
        return section6(d, null);
    }

    /** As {@link #section6(Decision)}, naming dissenting agencies by their names in the directory. */
    static String section6(Decision d, AgencyDirectory directory) {
        StringBuilder sb = new StringBuilder(String.join("; ", d.recommendations().stream().map(Recommendation::label)
                .toList()));
        if (d.leadProcess() != null) {
            sb.append(" (lead: ").append(d.leadProcess().label()).append(')');
        }
        if (d.sarBasis() != null) {
            sb.append(". ").append(d.sarBasis().label());
        }
        if (!d.methodologies().isEmpty()) {
            sb.append(". Methodology: ").append(String.join(", ", d.methodologies().stream().sorted()
                    .map(m -> m.label()).toList()));
        }
        if (d.focus() != null) {
            sb.append(". Focus: ").append(d.focus());
        }
        if (d.escalated()) {
            sb.append(". Dissent from ").append(String.join(", ", d.dissentingAgencies().stream()
                    .map(c -> directory == null ? c : directory.nameOf(c)).toList()))
                    .append(": escalated to the statutory partners");
        }
        return sb.toString();
    }

    static String followUpText(Decision d) {
        return String.join("\n", d.followUps().stream().map(a -> a.description() + " (owner: " + a.owner() + ")"
                + (a.due() == null ? "" : " by " + MeetingMails.DATE.format(a.due()))).toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
