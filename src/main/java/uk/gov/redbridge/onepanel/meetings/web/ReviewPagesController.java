package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.ReviewId;
import uk.gov.redbridge.onepanel.shared.web.DateInput;

/** The agreed reviews with their milestones and actions, from commissioning to the final report. */
@Controller
class ReviewPagesController {

    /**
     * One review's form: who reviews it, a milestone to add or one done, an action to add (the dates are read with
     * {@link DateInput}: commissioned, milestone due, action due, final report shared).
     */
    record ReviewForm(String reviewer, String milestone, String milestoneDone, String action, String owner,
            String overseenBy) {
    }

    private final PanelMeetings meetings;
    private final MeetingPages pages;
    private final Clock clock;

    ReviewPagesController(PanelMeetings meetings, MeetingPages pages, Clock clock) {
        this.meetings = meetings;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(path = "/reviews")
    String reviews(Model model) {
        model.addAttribute("reviews", meetings.reviews());
        Map<String, DateInput> commissioned = new HashMap<>();
        meetings.reviews().forEach(r -> commissioned.put(r.id().toString(),
                DateInput.of("commissioned-" + r.id(), r.commissionedOn())));
        model.addAttribute("commissioned", commissioned);
        model.addAttribute("overdue", meetings.overdueReviewMilestones());
        model.addAttribute("today", LocalDate.now(clock));
        return "meetings/reviews";
    }

    @PostMapping(path = "/reviews/{id}", name = "review.updated")
    String updateReview(@PathVariable String id, HttpServletRequest request, @ModelAttribute ReviewForm form,
            Principal principal, RedirectAttributes redirect) {
        ReviewId review;
        try {
            review = ReviewId.of(id);
            meetings.review(review);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DateInput commissionedOn = DateInput.read(request::getParameter, "commissioned-" + id,
                "The date it was commissioned", false);
        DateInput milestoneDue = DateInput.read(request::getParameter, "milestone-due-" + id,
                "The date the milestone is due", false);
        DateInput actionDue = DateInput.read(request::getParameter, "action-due-" + id,
                "The date the action is due by", false);
        DateInput finalReport = DateInput.read(request::getParameter, "final-" + id,
                "The date the final report was shared", false);
        Errors errors = new Errors();
        List.of(commissionedOn, milestoneDue, actionDue, finalReport).forEach(errors::date);
        if (filled(form.milestone()) && milestoneDue.blank()) {
            errors.add(milestoneDue.name(), pages.text("reviews.error.milestoneDue"));
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of(commissionedOn.name(), commissionedOn, milestoneDue.name(),
                    milestoneDue, actionDue.name(), actionDue, finalReport.name(), finalReport));
            return errors.back(redirect, "/reviews#review-" + id, Map.of());
        }
        try {
            if (!commissionedOn.blank() || form.reviewer() != null) {
                meetings.commissionReview(review, commissionedOn.date(), form.reviewer());
            }
            if (filled(form.milestone())) {
                meetings.addReviewMilestone(review, form.milestone(), milestoneDue.date());
            }
            if (filled(form.milestoneDone())) {
                meetings.completeReviewMilestone(review, UUID.fromString(form.milestoneDone()), null);
            }
            if (filled(form.action())) {
                meetings.addReviewAction(review, form.action(), form.owner(), form.overseenBy(), actionDue.date());
            }
            if (!finalReport.blank()) {
                meetings.finalReportShared(review, finalReport.date(), principal.getName());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            errors.add("review-" + id, pages.sentence(e.getMessage()));
            return errors.back(redirect, "/reviews#review-" + id, Map.of());
        }
        return pages.done(redirect, "redirect:/reviews", "reviews.done.updated");
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }
}
