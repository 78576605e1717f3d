package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.AnnualReport;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.DecisionId;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.FurtherInformation;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Quorum;
import uk.gov.redbridge.onepanel.meetings.QuorumNotMetException;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.Review;
import uk.gov.redbridge.onepanel.meetings.ReviewId;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.meetings.Vote;
import uk.gov.redbridge.onepanel.meetings.internal.AnnualReportExports;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Meetings, decisions, reviews and the annual review for integrations and checks (HTTP Basic, role API). */
@RestController
class MeetingApiController {

    private final PanelMeetings meetings;

    MeetingApiController(PanelMeetings meetings) {
        this.meetings = meetings;
    }

    record MeetingSummary(String id, LocalDate date, LocalTime startsAt, String location, LocalDate papersDeadline,
            String state, String cancelledReason, int items, String href) {

        static MeetingSummary of(Meeting m, int items) {
            return new MeetingSummary(m.id().toString(), m.date(), m.startsAt(), m.location(), m.papersDeadline(),
                    m.state().name(), m.cancelledReason(), items, "/api/meetings/" + m.id());
        }
    }

    record ItemView(String id, int number, String referral, String title, String detail, String state,
            List<Vote> votes, Decision decision, FurtherInformation furtherInformation) {
    }

    record PackView(String id, int issue, Instant issuedAt, long size, int pages, boolean attachedToEmail,
            List<String> changes, List<?> contents, List<?> notConverted, String href) {

        static PackView of(IssuedPack p) {
            return new PackView(p.id().toString(), p.issue(), p.issuedAt(), p.size(), p.pages(), p.fitsInEmail(),
                    p.changes(), p.contents(), p.notConverted(), "/api/meetings/" + p.meetingId() + "/pack");
        }
    }

    record MeetingView(MeetingSummary meeting, List<ItemView> agenda, List<Attendee> attendance, Quorum quorum,
            List<PackView> packs) {
    }

    record Schedule(LocalDate date, LocalTime time, String location) {
    }

    record Cancel(String reason) {
    }

    record NewItem(String referral, String title, String detail) {
    }

    record Attendance(String person, String agency, String role) {
    }

    record VoteForm(String agency, String choice, String castBy) {
    }

    record DecisionBody(List<String> recommendations, String leadProcess, String sarBasis, String focus,
            List<String> methodologies, String reasons, List<FollowUpAction> followUps,
            List<String> dissentingAgencies, String dissentNote) {
    }

    record BoardBody(boolean ratified, String decision, String sarBasis, String decidedBy, LocalDate decidedOn,
            String reason) {
    }

    record Question(String question, LocalDate due) {
    }

    record ReviewUpdate(LocalDate commissionedOn, String reviewer, String milestone, LocalDate due,
            String action, String owner, String overseenBy, LocalDate finalReportSharedOn) {
    }

    @GetMapping("/api/meetings")
    List<MeetingSummary> list() {
        return meetings.meetings().stream().map(m -> MeetingSummary.of(m, meetings.agenda(m.id()).size())).toList();
    }

    @GetMapping(path = "/api/meetings/{id}", name = "meeting.viewed")
    MeetingView one(@PathVariable String id) {
        return view(meetingId(id));
    }

    @GetMapping(path = "/api/meetings/{id}/pack", name = "meeting.pack-downloaded")
    ResponseEntity<byte[]> pack(@PathVariable String id) {
        MeetingId meeting = meetingId(id);
        IssuedPack pack = meetings.pack(meeting)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no pack issued yet"));
        byte[] pdf = meetings.packPdf(meeting).orElseThrow();
        return download(pdf, MediaType.APPLICATION_PDF, pack.fileName());
    }

    @PostMapping(path = "/api/meetings", name = "meeting.added")
    MeetingSummary add(@RequestBody Schedule body, Principal principal) {
        Meeting m = call(() -> meetings.addMeeting(body.date(), body.time() == null ? LocalTime.of(10, 0)
                : body.time(), body.location(), principal.getName()));
        return MeetingSummary.of(m, 0);
    }

    @PostMapping(path = "/api/meetings/{id}/reschedule", name = "meeting.rescheduled")
    MeetingView reschedule(@PathVariable String id, @RequestBody Schedule body) {
        MeetingId meeting = meetingId(id);
        call(() -> meetings.reschedule(meeting, body.date(), body.time(), body.location()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/cancel", name = "meeting.cancelled")
    MeetingView cancel(@PathVariable String id, @RequestBody Cancel body, Principal principal) {
        MeetingId meeting = meetingId(id);
        call(() -> meetings.cancel(meeting, body.reason(), principal.getName()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/agenda", name = "meeting.item-added")
    MeetingView addItem(@PathVariable String id, @RequestBody NewItem body, Principal principal) {
        MeetingId meeting = meetingId(id);
        ReferralReference ref = body.referral() == null || body.referral().isBlank() ? null
                : ReferralReference.tryParse(body.referral()).orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a referral reference"));
        call(() -> meetings.addItem(meeting, ref, body.title(), body.detail(), principal.getName()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/papers", name = "meeting.papers-issued")
    MeetingView issuePapers(@PathVariable String id, Principal principal) {
        MeetingId meeting = meetingId(id);
        call(() -> meetings.issuePapersNow(meeting, principal.getName()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/attendance", name = "meeting.attendance-recorded")
    MeetingView attend(@PathVariable String id, @RequestBody Attendance body, Principal principal) {
        MeetingId meeting = meetingId(id);
        call(() -> meetings.recordAttendance(meeting, body.person(), body.agency(), body.role(),
                principal.getName()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/items/{item}/votes", name = "meeting.vote-recorded")
    MeetingView vote(@PathVariable String id, @PathVariable String item, @RequestBody VoteForm body,
            Principal principal) {
        MeetingId meeting = meetingId(id);
        call(() -> meetings.recordVote(itemId(item), body.agency(), recommendation(body.choice()), body.castBy(),
                principal.getName()));
        return view(meeting);
    }

    @PostMapping(path = "/api/meetings/{id}/items/{item}/decision", name = "meeting.decision-recorded")
    Decision decide(@PathVariable String id, @PathVariable String item, @RequestBody DecisionBody body,
            @RequestParam(defaultValue = "false") boolean byEmail, Principal principal) {
        meetingId(id);
        DecisionForm form = form(body);
        return call(() -> byEmail ? meetings.recordDecisionByEmail(itemId(item), form, principal.getName())
                : meetings.recordDecision(itemId(item), form, principal.getName()));
    }

    @PostMapping(path = "/api/meetings/{id}/items/{item}/further-information", name = "meeting.further-information")
    FurtherInformation ask(@PathVariable String id, @PathVariable String item, @RequestBody Question body,
            Principal principal) {
        meetingId(id);
        return call(() -> meetings.requestFurtherInformation(itemId(item), body.question(), body.due(),
                principal.getName()));
    }

    @PostMapping(path = "/api/decisions/{id}/board-decision", name = "meeting.board-decision-recorded")
    Decision board(@PathVariable String id, @RequestBody BoardBody body, Principal principal) {
        DecisionId decision = parse(() -> DecisionId.of(id));
        return call(() -> meetings.recordBoardDecision(decision, new BoardDecisionForm(body.ratified(),
                body.decision() == null ? null : recommendation(body.decision()),
                body.sarBasis() == null ? null : enumOf(SarBasis.class, body.sarBasis()), body.decidedBy(),
                body.decidedOn(), body.reason()), principal.getName()));
    }

    @GetMapping("/api/reviews")
    List<Review> reviews() {
        return meetings.reviews();
    }

    @GetMapping("/api/reviews/overdue-milestones")
    List<?> overdue() {
        return meetings.overdueReviewMilestones();
    }

    @PostMapping(path = "/api/reviews/{id}", name = "review.updated")
    Review updateReview(@PathVariable String id, @RequestBody ReviewUpdate body, Principal principal) {
        ReviewId review = parse(() -> ReviewId.of(id));
        return call(() -> {
            if (body.commissionedOn() != null || body.reviewer() != null) {
                meetings.commissionReview(review, body.commissionedOn(), body.reviewer());
            }
            if (body.milestone() != null) {
                meetings.addReviewMilestone(review, body.milestone(), body.due());
            }
            if (body.action() != null) {
                meetings.addReviewAction(review, body.action(), body.owner(), body.overseenBy(), body.due());
            }
            if (body.finalReportSharedOn() != null) {
                meetings.finalReportShared(review, body.finalReportSharedOn(), principal.getName());
            }
            return meetings.review(review);
        });
    }

    @GetMapping(path = "/api/reports/annual", name = "report.annual-viewed")
    AnnualReport annual(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return call(() -> meetings.annualReport(from, to));
    }

    @GetMapping(path = "/api/reports/annual.pdf", name = "report.annual-exported")
    ResponseEntity<byte[]> annualPdf(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        AnnualReport report = call(() -> meetings.annualReport(from, to));
        return download(AnnualReportExports.pdf(report), MediaType.APPLICATION_PDF,
                "one-panel-annual-review-" + from + "-" + to + ".pdf");
    }

    @GetMapping(path = "/api/reports/annual.xlsx", name = "report.annual-exported")
    ResponseEntity<byte[]> annualXlsx(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        AnnualReport report = call(() -> meetings.annualReport(from, to));
        return download(AnnualReportExports.xlsx(report), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "one-panel-annual-review-" + from + "-" + to + ".xlsx");
    }

    private MeetingView view(MeetingId id) {
        Meeting m = meetings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no such meeting"));
        List<AgendaItem> agenda = meetings.agenda(id);
        List<ItemView> items = agenda.stream().map(i -> new ItemView(i.id().toString(), i.number(),
                i.referral() == null ? null : i.referral().toString(), i.title(), i.detail(), i.state().name(),
                meetings.votes(i.id()), meetings.decision(i.id()).orElse(null),
                meetings.furtherInformation(i.id()).orElse(null))).toList();
        return new MeetingView(MeetingSummary.of(m, agenda.size()), items, meetings.attendance(id),
                meetings.quorum(id), meetings.packs(id).stream().map(PackView::of).toList());
    }

    private static DecisionForm form(DecisionBody b) {
        return new DecisionForm(b.recommendations() == null ? List.of()
                : b.recommendations().stream().map(MeetingApiController::recommendation).toList(),
                b.leadProcess() == null ? null : recommendation(b.leadProcess()),
                b.sarBasis() == null ? null : enumOf(SarBasis.class, b.sarBasis()), b.focus(),
                b.methodologies() == null ? Set.of() : Set.copyOf(b.methodologies().stream()
                        .map(m -> enumOf(Methodology.class, m)).toList()),
                b.reasons(), b.followUps(), b.dissentingAgencies(), b.dissentNote());
    }

    private static Recommendation recommendation(String text) {
        return Recommendation.parse(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "unknown recommendation: use SAR, CSPR, DHR (or DARDR), NON_STATUTORY_REVIEW, INTERNAL_REVIEW, "
                        + "NO_REVIEW"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown value " + text);
        }
    }

    private static MeetingId meetingId(String id) {
        return parse(() -> MeetingId.of(id));
    }

    private static AgendaItemId itemId(String id) {
        return parse(() -> AgendaItemId.of(id));
    }

    private static <T> T parse(Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such item");
        }
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
        return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
    }

    /** 404 for unknown things, 409 for refusals (no quorum, decided already), 400 for a form that lacks something. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (QuorumNotMetException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(e.getMessage() != null && e.getMessage().startsWith("no ")
                    ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
