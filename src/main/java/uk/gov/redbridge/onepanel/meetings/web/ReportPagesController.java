package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.meetings.AnnualReport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.ReviewId;
import uk.gov.redbridge.onepanel.meetings.internal.AnnualReportExports;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

/**
 * The annual review (figures with small numbers suppressed, bar charts drawn on the server as SVG images, exports
 * as PDF and .xlsx) and the agreed reviews with their milestones and actions.
 */
@Controller
class ReportPagesController {

    private final PanelMeetings meetings;
    private final Clock clock;

    ReportPagesController(PanelMeetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @GetMapping(path = "/reports/annual", name = "report.annual-viewed")
    String annual(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        Period period = period(from, to);
        model.addAttribute("report", report(period));
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        return "meetings/annual";
    }

    /** Chart n of the annual review: a breakdown as a bar chart (an image: the CSP allows no inline SVG script). */
    @GetMapping(path = "/reports/annual/charts/{n}.svg")
    ResponseEntity<String> chart(@PathVariable int n, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AnnualReport report = report(period(from, to));
        if (n < 0 || n >= report.breakdowns().size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(AnnualReportExports.svg(report.breakdowns().get(n)));
    }

    @GetMapping(path = "/reports/annual.pdf", name = "report.annual-exported")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = period(from, to);
        return Downloads.attachment("one-panel-annual-review-" + period.from() + "-" + period.to() + ".pdf",
                "application/pdf", AnnualReportExports.pdf(report(period)));
    }

    @GetMapping(path = "/reports/annual.xlsx", name = "report.annual-exported")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = period(from, to);
        return Downloads.attachment("one-panel-annual-review-" + period.from() + "-" + period.to() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                AnnualReportExports.xlsx(report(period)));
    }

    @GetMapping(path = "/reviews")
    String reviews(Model model) {
        model.addAttribute("reviews", meetings.reviews());
        model.addAttribute("overdue", meetings.overdueReviewMilestones());
        model.addAttribute("today", LocalDate.now(clock));
        return "meetings/reviews";
    }

    @PostMapping(path = "/reviews/{id}", name = "review.updated")
    String updateReview(@PathVariable String id, @RequestParam(required = false) String commissionedOn,
            @RequestParam(required = false) String reviewer, @RequestParam(required = false) String milestone,
            @RequestParam(required = false) String milestoneDue, @RequestParam(required = false) String milestoneDone,
            @RequestParam(required = false) String action, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String overseenBy, @RequestParam(required = false) String actionDue,
            @RequestParam(required = false) String finalReportSharedOn, Principal principal,
            RedirectAttributes redirect) {
        ReviewId review;
        try {
            review = ReviewId.of(id);
            meetings.review(review);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            if (commissionedOn != null || reviewer != null) {
                meetings.commissionReview(review, MeetingPagesController.date(commissionedOn), reviewer);
            }
            if (milestone != null && !milestone.isBlank()) {
                meetings.addReviewMilestone(review, milestone, MeetingPagesController.date(milestoneDue));
            }
            if (milestoneDone != null && !milestoneDone.isBlank()) {
                meetings.completeReviewMilestone(review, UUID.fromString(milestoneDone), null);
            }
            if (action != null && !action.isBlank()) {
                meetings.addReviewAction(review, action, owner, overseenBy, MeetingPagesController.date(actionDue));
            }
            if (finalReportSharedOn != null && !finalReportSharedOn.isBlank()) {
                meetings.finalReportShared(review, MeetingPagesController.date(finalReportSharedOn),
                        principal.getName());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("pageError", Map.of("href", "#review-" + id, "text",
                    e.getMessage() == null ? "That could not be done" : Character.toUpperCase(e.getMessage().charAt(0))
                            + e.getMessage().substring(1)));
            return "redirect:/reviews";
        }
        redirect.addFlashAttribute("success", "The review was updated");
        return "redirect:/reviews";
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    /** The last 12 months to today unless a period is given; a bad one is the page's 400. */
    private Period period(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null || to.isBlank() ? today : MeetingPagesController.date(to);
        LocalDate start = from == null || from.isBlank() ? (end == null ? null : end.minusYears(1).plusDays(1))
                : MeetingPagesController.date(from);
        if (start == null || end == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates as YYYY-MM-DD");
        }
        return new Period(start, end);
    }

    private AnnualReport report(Period period) {
        try {
            return meetings.annualReport(period.from(), period.to());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
