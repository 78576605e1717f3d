package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.meetings.Vote;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

/**
 * The meetings pages: the list, a meeting (papers, agenda, attendance and quorum, cancelling and moving it), an
 * agenda item (votes, the panel's recommendation, further information by email, the board's decision) and the
 * pack's download. Every form goes back to its page; a refusal comes back as {@code pageError} with words that carry
 * no personal data.
 */
@Controller
class MeetingPagesController {

    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.UK);

    private final PanelMeetings meetings;
    private final AgencyDirectory directory;
    private final Clock clock;

    MeetingPagesController(PanelMeetings meetings, AgencyDirectory directory, Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.clock = clock;
    }

    /** An agenda item as the meeting page lists it. */
    record ItemRow(AgendaItem item, Decision decision) {
    }

    @GetMapping(path = "/meetings")
    String list(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Meeting> all = meetings.meetings();
        model.addAttribute("upcoming", all.stream().filter(m -> !m.date().isBefore(today)).toList());
        model.addAttribute("past", all.stream().filter(m -> m.date().isBefore(today)).sorted(java.util.Comparator.comparing(Meeting::date).reversed()).toList());
        model.addAttribute("items", all.stream().collect(java.util.stream.Collectors.toMap(m -> m.id().toString(),
                m -> meetings.agenda(m.id()).size())));
        return "meetings/list";
    }

    @PostMapping(path = "/meetings", name = "meeting.added")
    String add(@RequestParam(required = false) String date, @RequestParam(required = false) String time,
            @RequestParam(required = false) String location, Principal principal, RedirectAttributes redirect) {
        LocalDate day = date(date);
        if (day == null) {
            return error(redirect, "#date", "Enter the date of the meeting", "/meetings");
        }
        Meeting m = meetings.addMeeting(day, time(time, LocalTime.of(10, 0)), location, principal.getName());
        return "redirect:/meetings/" + m.id();
    }

    @GetMapping(path = "/meetings/{id}", name = "meeting.viewed")
    String meeting(@PathVariable String id, Model model) {
        Meeting meeting = find(id);
        List<ItemRow> rows = new ArrayList<>();
        for (AgendaItem item : meetings.agenda(meeting.id())) {
            rows.add(new ItemRow(item, meetings.decision(item.id()).orElse(null)));
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("pageTitle", "Meeting of " + DAY.format(meeting.date()));
        model.addAttribute("rows", rows);
        model.addAttribute("packs", meetings.packs(meeting.id()));
        model.addAttribute("attendance", meetings.attendance(meeting.id()));
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("members", meetings.members());
        model.addAttribute("agencies", directory.all());
        model.addAttribute("open", meeting.state() != MeetingState.CANCELLED);
        return "meetings/meeting";
    }

    @GetMapping(path = "/meetings/{id}/pack", name = "meeting.pack-downloaded")
    ResponseEntity<byte[]> pack(@PathVariable String id) {
        Meeting meeting = find(id);
        var pack = meetings.pack(meeting.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(pack.fileName(), "application/pdf", meetings.packPdf(meeting.id()).orElseThrow());
    }

    @PostMapping(path = "/meetings/{id}/papers", name = "meeting.papers-issued")
    String issuePapers(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        return act(redirect, "#papers", back(meeting), () -> {
            boolean issued = meetings.issuePapersNow(meeting.id(), principal.getName()).isPresent();
            redirect.addFlashAttribute("success", issued ? "The papers were issued to the members"
                    : "Nothing has changed since the papers were issued");
        });
    }

    @PostMapping(path = "/meetings/{id}/reschedule", name = "meeting.rescheduled")
    String reschedule(@PathVariable String id, @RequestParam(required = false) String date,
            @RequestParam(required = false) String time, @RequestParam(required = false) String location,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        LocalDate day = date(date);
        if (day == null) {
            return error(redirect, "#new-date", "Enter the new date", back(meeting));
        }
        return act(redirect, "#new-date", back(meeting), () -> {
            meetings.reschedule(meeting.id(), day, time(time, meeting.startsAt()), location);
            redirect.addFlashAttribute("success", "The meeting was moved");
        });
    }

    @PostMapping(path = "/meetings/{id}/cancel", name = "meeting.cancelled")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        if (reason == null || reason.isBlank()) {
            return error(redirect, "#reason", "Enter why the meeting is cancelled", back(meeting));
        }
        return act(redirect, "#reason", back(meeting), () -> {
            meetings.cancel(meeting.id(), reason, principal.getName());
            redirect.addFlashAttribute("success", "The meeting was cancelled and the members told");
        });
    }

    @PostMapping(path = "/meetings/{id}/agenda", name = "meeting.item-added")
    String addItem(@PathVariable String id, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String title, @RequestParam(required = false) String detail,
            Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        ReferralReference ref = null;
        if (reference != null && !reference.isBlank()) {
            ref = ReferralReference.tryParse(reference).orElse(null);
            if (ref == null) {
                return error(redirect, "#item-reference", "Enter a reference like OP-2026-0001", back(meeting));
            }
        } else if (title == null || title.isBlank()) {
            return error(redirect, "#item-reference", "Enter a referral's reference, or a title for the item",
                    back(meeting));
        }
        ReferralReference chosen = ref;
        return act(redirect, "#item-reference", back(meeting), () -> {
            meetings.addItem(meeting.id(), chosen, title, detail, principal.getName());
            redirect.addFlashAttribute("success", "The item was added to the agenda");
        });
    }

    @PostMapping(path = "/meetings/{id}/agenda/{item}/remove", name = "meeting.item-removed")
    String removeItem(@PathVariable String id, @PathVariable String item, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        if (!meetings.removeItem(agendaItem.id(), principal.getName())) {
            return error(redirect, "#agenda", "Only an item the panel has not acted on can be taken off",
                    back(meeting));
        }
        redirect.addFlashAttribute("success", "The item was taken off the agenda");
        return back(meeting);
    }

    @PostMapping(path = "/meetings/{id}/attendance", name = "meeting.attendance-recorded")
    String attend(@PathVariable String id, @RequestParam(required = false) String member,
            @RequestParam(required = false) String name, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String role, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        String person = member != null && !member.isBlank() ? member : name;
        if (person == null || person.isBlank()) {
            return error(redirect, "#member", "Choose a member, or enter the name of the person and their agency",
                    back(meeting));
        }
        if ((member == null || member.isBlank()) && (agency == null || agency.isBlank())) {
            return error(redirect, "#agency", "Choose the agency the person is here for", back(meeting));
        }
        return act(redirect, "#member", back(meeting), () -> {
            meetings.recordAttendance(meeting.id(), person, agency, role, principal.getName());
            redirect.addFlashAttribute("success", "Attendance recorded");
        });
    }

    @PostMapping(path = "/meetings/{id}/attendance/remove", name = "meeting.attendance-removed")
    String leave(@PathVariable String id, @RequestParam String agency, @RequestParam String name,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        meetings.removeAttendance(meeting.id(), agency, name);
        redirect.addFlashAttribute("success", "Attendance removed");
        return back(meeting);
    }

    @GetMapping(path = "/meetings/{id}/items/{item}", name = "meeting.item-viewed")
    String item(@PathVariable String id, @PathVariable String item, Model model) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        List<String> present = meetings.attendance(meeting.id()).stream().map(Attendee::agency).distinct().toList();
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", agendaItem);
        model.addAttribute("pageTitle", agendaItem.title());
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("votes", meetings.votes(agendaItem.id()));
        model.addAttribute("tally", tally(meetings.votes(agendaItem.id())));
        model.addAttribute("presentAgencies", directory.all().stream()
                .filter(a -> present.contains(a.code())).toList());
        model.addAttribute("votingAgencies", directory.all().stream()
                .filter(a -> a.votingMember() && present.contains(a.code())).toList());
        model.addAttribute("decision", meetings.decision(agendaItem.id()).orElse(null));
        model.addAttribute("further", meetings.furtherInformation(agendaItem.id()).orElse(null));
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("methodologies", Methodology.values());
        model.addAttribute("sarBases", SarBasis.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "meetings/item";
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/votes", name = "meeting.vote-recorded")
    String vote(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String choice, @RequestParam(required = false) String castBy,
            Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        if (agency == null || agency.isBlank() || Recommendation.parse(choice).isEmpty()) {
            return error(redirect, "#vote-agency", "Choose the agency and the recommendation it votes for", page);
        }
        return act(redirect, "#vote-agency", page, () -> {
            meetings.recordVote(agendaItem.id(), agency, Recommendation.parse(choice).orElseThrow(), castBy,
                    principal.getName());
            redirect.addFlashAttribute("success", "The vote of " + agency + " was recorded");
        });
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/decision", name = "meeting.decision-recorded")
    String decide(@PathVariable String id, @PathVariable String item,
            @RequestParam(required = false) List<String> recommendations,
            @RequestParam(required = false) String leadProcess, @RequestParam(required = false) String sarBasis,
            @RequestParam(required = false) String focus,
            @RequestParam(required = false) List<String> methodologies,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) List<String> actionDescription,
            @RequestParam(required = false) List<String> actionOwner,
            @RequestParam(required = false) List<String> actionDue,
            @RequestParam(required = false) List<String> dissenting,
            @RequestParam(required = false) String dissentNote,
            @RequestParam(defaultValue = "false") boolean byEmail, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        List<Recommendation> chosen = new ArrayList<>();
        for (String r : recommendations == null ? List.<String>of() : recommendations) {
            Recommendation.parse(r).ifPresent(chosen::add);
        }
        Set<Methodology> methods = EnumSet.noneOf(Methodology.class);
        for (String m : methodologies == null ? List.<String>of() : methodologies) {
            methods.add(Methodology.valueOf(m));
        }
        List<FollowUpAction> actions = new ArrayList<>();
        List<String> descriptions = actionDescription == null ? List.of() : actionDescription;
        for (int i = 0; i < descriptions.size(); i++) {
            String owner = actionOwner != null && i < actionOwner.size() ? actionOwner.get(i) : null;
            String due = actionDue != null && i < actionDue.size() ? actionDue.get(i) : null;
            if (descriptions.get(i) != null && !descriptions.get(i).isBlank()
                    || owner != null && !owner.isBlank()) {
                actions.add(new FollowUpAction(descriptions.get(i), owner, date(due)));
            }
        }
        DecisionForm form = new DecisionForm(chosen, Recommendation.parse(leadProcess).orElse(null),
                sarBasis == null || sarBasis.isBlank() ? null : SarBasis.valueOf(sarBasis), focus, methods, reasons,
                actions, dissenting, dissentNote);
        return act(redirect, "#recommendations", page, () -> {
            if (byEmail) {
                meetings.recordDecisionByEmail(agendaItem.id(), form, principal.getName());
            } else {
                meetings.recordDecision(agendaItem.id(), form, principal.getName());
            }
            redirect.addFlashAttribute("success", "The panel's recommendation was recorded and the outcome emails "
                    + "sent");
        });
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/further-information", name = "meeting.further-information")
    String ask(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String question,
            @RequestParam(required = false) String due, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        if (question == null || question.isBlank()) {
            return error(redirect, "#question", "Enter what information the panel needs", page);
        }
        return act(redirect, "#question", page, () -> {
            meetings.requestFurtherInformation(agendaItem.id(), question, date(due), principal.getName());
            redirect.addFlashAttribute("success", "The members were asked by email");
        });
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/board-decision", name = "meeting.board-decision-recorded")
    String board(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String sarBasis,
            @RequestParam(required = false) String decidedBy, @RequestParam(required = false) String decidedOn,
            @RequestParam(required = false) String reason, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        Decision recommended = meetings.decision(agendaItem.id()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!"RATIFIED".equals(outcome) && !"CHANGED".equals(outcome)) {
            return error(redirect, "#outcome", "Say whether the chair ratified or changed the recommendation", page);
        }
        LocalDate on = date(decidedOn);
        BoardDecisionForm form = new BoardDecisionForm("RATIFIED".equals(outcome),
                Recommendation.parse(decision).orElse(null),
                sarBasis == null || sarBasis.isBlank() ? null : SarBasis.valueOf(sarBasis), decidedBy, on, reason);
        return act(redirect, "#outcome", page, () -> {
            meetings.recordBoardDecision(recommended.id(), form, principal.getName());
            redirect.addFlashAttribute("success", "The board's decision was recorded");
        });
    }

    static Map<Recommendation, Long> tally(List<Vote> votes) {
        Map<Recommendation, Long> out = new java.util.EnumMap<>(Recommendation.class);
        for (Vote v : votes) {
            out.merge(v.choice(), 1L, Long::sum);
        }
        return out;
    }

    private Meeting find(String id) {
        try {
            return meetings.find(MeetingId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private AgendaItem item(Meeting meeting, String item) {
        try {
            AgendaItemId itemId = AgendaItemId.of(item);
            return meetings.agenda(meeting.id()).stream().filter(i -> i.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String back(Meeting meeting) {
        return "redirect:/meetings/" + meeting.id();
    }

    private static String itemPage(Meeting meeting, AgendaItem item) {
        return "redirect:/meetings/" + meeting.id() + "/items/" + item.id();
    }

    private static String error(RedirectAttributes redirect, String href, String text, String page) {
        redirect.addFlashAttribute("pageError", Map.of("href", href, "text", text));
        return page.startsWith("redirect:") ? page : "redirect:" + page;
    }

    /** Runs a change; the facade's refusals (no quorum, decided already, a form that lacks something) come back as the page's error. */
    private static String act(RedirectAttributes redirect, String href, String page, Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return error(redirect, href, sentence(e.getMessage()), page);
        }
        return page;
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "That could not be done";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String text, LocalTime otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
