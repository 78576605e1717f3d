package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.PapersIssue;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.shared.web.DateInput;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

/**
 * The meetings list and a meeting's page: adding, moving and cancelling a meeting, its papers (issued in the
 * background, the page showing how far they have gone) and its attendance and quorum. An agenda item's pages are
 * {@link AgendaItemPagesController}'s. Every form goes back to its page; a refusal comes back as {@code pageErrors}
 * with words that carry no personal data.
 */
@Controller
class MeetingPagesController {

    /** The meeting form: a date (day, month and year boxes, read with {@link DateInput}), a time and a place. */
    record MeetingForm(String time, String location) {
    }

    /** Why a meeting is cancelled. */
    record CancelForm(String reason) {
    }

    /** Who attends: a member from the list, or a person's name with the agency they are there for, and their role. */
    record AttendanceForm(String member, String name, String agency, String role) {
    }

    /** An agenda item as the meeting page lists it. */
    record ItemRow(AgendaItem item, Decision decision) {
    }

    private final PanelMeetings meetings;
    private final AgencyDirectory directory;
    private final MeetingPages pages;
    private final Clock clock;

    MeetingPagesController(PanelMeetings meetings, AgencyDirectory directory, MeetingPages pages, Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(path = "/meetings")
    String list(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Meeting> all = meetings.meetings();
        model.addAttribute("upcoming", all.stream().filter(m -> !m.date().isBefore(today)).toList());
        model.addAttribute("past", all.stream().filter(m -> m.date().isBefore(today))
                .sorted(Comparator.comparing(Meeting::date).reversed()).toList());
        model.addAttribute("items", all.stream().collect(Collectors.toMap(m -> m.id().toString(),
                m -> meetings.agenda(m.id()).size())));
        return "meetings/list";
    }

    @PostMapping(path = "/meetings", name = "meeting.added")
    String add(HttpServletRequest request, @ModelAttribute MeetingForm form, Principal principal,
            RedirectAttributes redirect) {
        DateInput day = DateInput.read(request::getParameter, "date", "The date of the meeting", true);
        LocalTime at = MeetingPages.time(form.time());
        Errors errors = new Errors();
        errors.date(day);
        if (at == null) {
            errors.add("time", pages.text("meeting.error.time"));
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("date", day));
            return errors.back(redirect, "/meetings", Map.of("location", MeetingPages.blankIfNull(form.location()),
                    "time", MeetingPages.blankIfNull(form.time())));
        }
        Meeting m = meetings.addMeeting(day.date(), at, form.location(), principal.getName());
        return "redirect:/meetings/" + m.id();
    }

    @GetMapping(path = "/meetings/{id}", name = "meeting.viewed")
    String meeting(@PathVariable String id, Model model) {
        Meeting meeting = pages.find(id);
        List<ItemRow> rows = new ArrayList<>();
        for (AgendaItem item : meetings.agenda(meeting.id())) {
            rows.add(new ItemRow(item, meetings.decision(item.id()).orElse(null)));
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("pageTitle", pages.text("meeting.title", MeetingPages.DAY.format(meeting.date())));
        model.addAttribute("agencyNames", pages.agencyNames());
        model.addAttribute("rows", rows);
        model.addAttribute("packs", meetings.packs(meeting.id()));
        model.addAttribute("attendance", meetings.attendance(meeting.id()));
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("members", meetings.members());
        model.addAttribute("agencies", directory.all());
        model.addAttribute("open", meeting.state() != MeetingState.CANCELLED);
        model.addAttribute("issue", meetings.papersIssue(meeting.id()).orElse(null));
        model.addAttribute("issueText", meetings.papersIssue(meeting.id()).map(this::progressText).orElse(null));
        model.addAttribute("newDate", DateInput.of("new-date", meeting.date()));
        return "meetings/meeting";
    }

    @GetMapping(path = "/meetings/{id}/pack", name = "meeting.pack-downloaded")
    ResponseEntity<byte[]> pack(@PathVariable String id) {
        Meeting meeting = pages.find(id);
        var pack = meetings.pack(meeting.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(pack.fileName(), "application/pdf", meetings.packPdf(meeting.id()).orElseThrow());
    }

    /**
     * Starts issuing the papers in the background and goes back to the meeting page, which shows how far it has
     * gone. A second click while it runs joins the running issue: the papers go once.
     */
    @PostMapping(path = "/meetings/{id}/papers", name = "meeting.issue.issued")
    String issuePapers(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        return pages.act(redirect, "#papers", MeetingPages.back(meeting) + "#papers",
                () -> meetings.startIssuingPapers(meeting.id(), principal.getName()), null);
    }

    /** How far the papers being issued have gone, for the meeting page's script (the page itself says it too). */
    @GetMapping(path = "/meetings/{id}/papers/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> papersProgress(@PathVariable String id) {
        Meeting meeting = pages.find(id);
        return meetings.papersIssue(meeting.id()).<Map<String, Object>>map(i -> Map.of("state", i.state().name(),
                "done", i.done(), "total", i.total(), "text", progressText(i)))
                .orElse(Map.of("state", "NONE", "done", 0, "total", 0, "text", ""));
    }

    String progressText(PapersIssue i) {
        return switch (i.state()) {
            case RUNNING -> pages.text(i.total() == 1 ? "meeting.issue.running.one" : "meeting.issue.running",
                    i.done(), i.total());
            case ISSUED -> pages.text("meeting.issue.issued", i.issue());
            case UNCHANGED -> pages.text("meeting.issue.unchanged");
            case FAILED -> pages.text("meeting.issue.failed");
        };
    }

    @PostMapping(path = "/meetings/{id}/reschedule", name = "meeting.rescheduled")
    String reschedule(@PathVariable String id, HttpServletRequest request, @ModelAttribute MeetingForm form,
            RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        DateInput day = DateInput.read(request::getParameter, "new-date", "The new date", true);
        LocalTime at = form.time() == null || form.time().isBlank() ? meeting.startsAt() : MeetingPages.time(form.time());
        Errors errors = new Errors();
        errors.date(day);
        if (at == null) {
            errors.add("new-time", pages.text("meeting.error.time"));
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("new-date", day));
            return errors.back(redirect, MeetingPages.back(meeting), Map.of("new-time",
                    MeetingPages.blankIfNull(form.time())));
        }
        return pages.act(redirect, "#new-date-day", MeetingPages.back(meeting),
                () -> meetings.reschedule(meeting.id(), day.date(), at, form.location()), "meeting.done.moved");
    }

    @PostMapping(path = "/meetings/{id}/cancel", name = "meeting.cancelled")
    String cancel(@PathVariable String id, @ModelAttribute CancelForm form, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        if (form.reason() == null || form.reason().isBlank()) {
            return pages.error(redirect, "#reason", "meeting.error.reason", MeetingPages.back(meeting));
        }
        return pages.act(redirect, "#reason", MeetingPages.back(meeting),
                () -> meetings.cancel(meeting.id(), form.reason(), principal.getName()), "meeting.done.cancelled");
    }

    @PostMapping(path = "/meetings/{id}/attendance", name = "meeting.attendance-recorded")
    String attend(@PathVariable String id, @ModelAttribute AttendanceForm form, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        boolean member = form.member() != null && !form.member().isBlank();
        String person = member ? form.member() : form.name();
        if (person == null || person.isBlank()) {
            return pages.error(redirect, "#member", "meeting.error.attendee",
                    MeetingPages.back(meeting) + "#attendance");
        }
        if (!member && (form.agency() == null || form.agency().isBlank())) {
            return pages.error(redirect, "#agency", "meeting.error.attendeeAgency",
                    MeetingPages.back(meeting) + "#attendance");
        }
        return pages.act(redirect, "#member", MeetingPages.back(meeting), () -> meetings.recordAttendance(
                meeting.id(), person, form.agency(), form.role(), principal.getName()), "meeting.done.attendance");
    }

    @PostMapping(path = "/meetings/{id}/attendance/remove", name = "meeting.attendance-removed")
    String leave(@PathVariable String id, @RequestParam String agency, @RequestParam String name,
            RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        meetings.removeAttendance(meeting.id(), agency, name);
        return pages.done(redirect, MeetingPages.back(meeting), "meeting.done.attendanceRemoved");
    }
}
