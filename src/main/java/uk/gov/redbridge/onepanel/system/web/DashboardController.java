package uk.gov.redbridge.onepanel.system.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;

/** Today's picture: what came in, what is due back, what waits for a person. Counts only: no personal data. */
@Controller
class DashboardController {

    static final int NEW_DAYS = 7;

    private final ReferralLog referrals;
    private final ExceptionsQueue exceptions;
    private final Correspondence correspondence;
    private final InformationRequests requests;
    private final uk.gov.redbridge.onepanel.meetings.PanelMeetings meetings;
    private final Clock clock;
    private final WorkPicture.Source work;

    DashboardController(ReferralLog referrals, ExceptionsQueue exceptions, Correspondence correspondence,
            InformationRequests requests, uk.gov.redbridge.onepanel.meetings.PanelMeetings meetings, Clock clock,
            WorkPicture.Source work) {
        this.work = work;
        this.meetings = meetings;
        this.referrals = referrals;
        this.exceptions = exceptions;
        this.correspondence = correspondence;
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("newDays", NEW_DAYS);
        model.addAttribute("newSince", today.minusDays(NEW_DAYS - 1L));
        model.addAttribute("newReferrals", referrals.countReceivedSince(
                today.minusDays(NEW_DAYS - 1L).atStartOfDay(clock.getZone()).toInstant()));
        model.addAttribute("toCheck", referrals.countNeedingReview());
        model.addAttribute("needInformation", referrals.withStatus(ReferralStatus.NEEDS_INFORMATION).size());
        var counts = exceptions.openCountsByReason();
        model.addAttribute("exceptionCounts", counts);
        model.addAttribute("exceptionsWaiting", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("mailNeedingAttention", correspondence.needingAttention(1000).size());
        // returns: requests sent and not answered, due from today to Sunday, or past their due date
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<InformationRequest> awaiting = requests.awaitingAnswer();
        model.addAttribute("dueThisWeek", awaiting.stream().filter(r -> r.deadline() != null
                && !r.deadline().due().isBefore(today) && !r.deadline().due().isAfter(sunday)).count());
        model.addAttribute("overdue", awaiting.stream().filter(r -> r.status() == RequestStatus.OVERDUE
                || r.status() == RequestStatus.ESCALATED || (r.deadline() != null && r.deadline().isOverdueOn(today)))
                .count());
        // the next meeting not cancelled, and the agreed reviews' milestones past their date
        var next = meetings.meetings().stream().filter(m -> !m.date().isBefore(today)
                && m.state() != uk.gov.redbridge.onepanel.meetings.MeetingState.CANCELLED).findFirst();
        model.addAttribute("nextMeeting", next.orElse(null));
        model.addAttribute("nextMeetingItems", next.map(m -> meetings.agenda(m.id()).size()).orElse(0));
        model.addAttribute("reviewMilestonesOverdue", meetings.overdueReviewMilestones().size());
        // the service's own work in flight and stuck (templates/system/work.html)
        model.addAttribute("work", work.picture());
        return "system/dashboard";
    }

}
