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

import jakarta.servlet.http.HttpServletRequest;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.DecisionRefused;
import uk.gov.redbridge.onepanel.meetings.internal.Deliberations;
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
import uk.gov.redbridge.onepanel.shared.web.DateInput;
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
    String add(HttpServletRequest request, @RequestParam(required = false) String time,
            @RequestParam(required = false) String location, Principal principal, RedirectAttributes redirect) {
        DateInput day = DateInput.read(request::getParameter, "date", "The date of the meeting", true);
        LocalTime at = time(time);
        Errors errors = new Errors();
        errors.date(day);
        if (at == null) {
            errors.add("time", "Enter the time as hours and minutes, for example 10:00");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("date", day));
            return errors.back(redirect, "/meetings", Map.of("location", location == null ? "" : location,
                    "time", time == null ? "" : time));
        }
        Meeting m = meetings.addMeeting(day.date(), at, location, principal.getName());
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
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("rows", rows);
        model.addAttribute("packs", meetings.packs(meeting.id()));
        model.addAttribute("attendance", meetings.attendance(meeting.id()));
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("members", meetings.members());
        model.addAttribute("agencies", directory.all());
        model.addAttribute("open", meeting.state() != MeetingState.CANCELLED);
        model.addAttribute("issue", meetings.papersIssue(meeting.id()).orElse(null));
        model.addAttribute("issueText", meetings.papersIssue(meeting.id()).map(MeetingPagesController::progressText)
                .orElse(null));
        model.addAttribute("newDate", DateInput.of("new-date", meeting.date()));
        return "meetings/meeting";
    }

    @GetMapping(path = "/meetings/{id}/pack", name = "meeting.pack-downloaded")
    ResponseEntity<byte[]> pack(@PathVariable String id) {
        Meeting meeting = find(id);
        var pack = meetings.pack(meeting.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(pack.fileName(), "application/pdf", meetings.packPdf(meeting.id()).orElseThrow());
    }

    /**
     * Starts issuing the papers in the background and goes back to the meeting page, which shows how far it has
     * gone. A second click while it runs joins the running issue: the papers go once.
     */
    @PostMapping(path = "/meetings/{id}/papers", name = "meeting.papers-issued")
    String issuePapers(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        return act(redirect, "#papers", back(meeting) + "#papers", () -> meetings.startIssuingPapers(meeting.id(),
                principal.getName()));
    }

    /** How far the papers being issued have gone, for the meeting page's script (the page itself says it too). */
    @GetMapping(path = "/meetings/{id}/papers/progress", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> papersProgress(@PathVariable String id) {
        Meeting meeting = find(id);
        return meetings.papersIssue(meeting.id()).<Map<String, Object>>map(i -> Map.of("state", i.state().name(),
                "done", i.done(), "total", i.total(), "text", progressText(i)))
                .orElse(Map.of("state", "NONE", "done", 0, "total", 0, "text", ""));
    }

    static String progressText(uk.gov.redbridge.onepanel.meetings.PapersIssue i) {
        return switch (i.state()) {
            case RUNNING -> "Collating the papers: " + i.done() + " of " + i.total()
                    + (i.total() == 1 ? " referral" : " referrals") + " done. They go to the members when all are.";
            case ISSUED -> "The papers were issued to the members (issue " + i.issue() + ").";
            case UNCHANGED -> "Nothing has changed since the papers were issued: nothing was sent.";
            case FAILED -> "The papers could not be issued. Try again; if it fails again, tell the service's support.";
        };
    }

    @PostMapping(path = "/meetings/{id}/reschedule", name = "meeting.rescheduled")
    String reschedule(@PathVariable String id, HttpServletRequest request,
            @RequestParam(required = false) String time, @RequestParam(required = false) String location,
            RedirectAttributes redirect) {
        Meeting meeting = find(id);
        DateInput day = DateInput.read(request::getParameter, "new-date", "The new date", true);
        LocalTime at = time == null || time.isBlank() ? meeting.startsAt() : time(time);
        Errors errors = new Errors();
        errors.date(day);
        if (at == null) {
            errors.add("new-time", "Enter the time as hours and minutes, for example 10:00");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("new-date", day));
            return errors.back(redirect, back(meeting), Map.of("new-time", time == null ? "" : time));
        }
        return act(redirect, "#new-date-day", back(meeting), () -> {
            meetings.reschedule(meeting.id(), day.date(), at, location);
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

    /** The confirmation before an item is taken off the agenda. */
    @GetMapping(path = "/meetings/{id}/agenda/{item}/remove", name = "meeting.item-remove-opened")
    String removeItemPage(@PathVariable String id, @PathVariable String item, Model model) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        if (agendaItem.state() != AgendaItem.ItemState.OPEN) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", agendaItem);
        return "meetings/remove-item";
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
            return error(redirect, "#member", "Select a member, or enter the name of the person and their agency",
                    back(meeting) + "#attendance");
        }
        if ((member == null || member.isBlank()) && (agency == null || agency.isBlank())) {
            return error(redirect, "#agency", "Select the agency the person is here for", back(meeting) + "#attendance");
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
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("dissentNames", meetings.decision(agendaItem.id()).map(d -> d.dissentingAgencies().stream()
                .map(directory::nameOf).toList()).orElse(List.of()));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        if (!model.containsAttribute("dates")) {
            model.addAttribute("dates", Map.of("decided-on", DateInput.of("decided-on", LocalDate.now(clock))));
        }
        return "meetings/item";
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/votes", name = "meeting.vote-recorded")
    String vote(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String choice, @RequestParam(required = false) String castBy,
            Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        Errors errors = new Errors();
        if (agency == null || agency.isBlank()) {
            errors.add("vote-agency", "Select the agency whose vote this is");
        }
        if (Recommendation.parse(choice).isEmpty()) {
            errors.add("vote-choice", "Select the recommendation the agency votes for");
        }
        if (!errors.isEmpty()) {
            return errors.back(redirect, page + "#votes", Map.of("vote-by", castBy == null ? "" : castBy));
        }
        return act(redirect, "#vote-agency", page, () -> {
            meetings.recordVote(agendaItem.id(), agency, Recommendation.parse(choice).orElseThrow(), castBy,
                    principal.getName());
            redirect.addFlashAttribute("success", "The vote of " + directory.nameOf(agency) + " was recorded");
        });
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/decision", name = "meeting.decision-recorded")
    String decide(@PathVariable String id, @PathVariable String item, HttpServletRequest request,
            @RequestParam(required = false) List<String> recommendations,
            @RequestParam(required = false) String leadProcess, @RequestParam(required = false) String sarBasis,
            @RequestParam(required = false) String focus,
            @RequestParam(required = false) List<String> methodologies,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) List<String> actionDescription,
            @RequestParam(required = false) List<String> actionOwner,
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
            enumValue(Methodology.class, m).ifPresent(methods::add);
        }
        Errors errors = new Errors();
        List<FollowUpAction> actions = new ArrayList<>();
        List<String> descriptions = actionDescription == null ? List.of() : actionDescription;
        Map<String, DateInput> dates = new java.util.LinkedHashMap<>();
        for (int i = 0; i < descriptions.size(); i++) {
            String owner = actionOwner != null && i < actionOwner.size() ? actionOwner.get(i) : null;
            DateInput due = DateInput.read(request::getParameter, "action-due-" + (i + 1),
                    "The date action " + (i + 1) + " is due by", false);
            dates.put(due.name(), due);
            errors.date(due);
            if (descriptions.get(i) != null && !descriptions.get(i).isBlank()
                    || owner != null && !owner.isBlank()) {
                actions.add(new FollowUpAction(descriptions.get(i), owner, due.date()));
            }
        }
        Recommendation lead = Recommendation.parse(leadProcess).orElse(null);
        SarBasis basis = enumValue(SarBasis.class, sarBasis).orElse(null);
        DecisionForm form = new DecisionForm(chosen, lead, basis, focus, methods, reasons, actions, dissenting,
                dissentNote);
        Map<String, Object> typed = new java.util.HashMap<>();
        typed.put("recommendations", recommendations == null ? List.of() : recommendations);
        typed.put("leadProcess", leadProcess == null ? "" : leadProcess);
        typed.put("sarBasis", sarBasis == null ? "" : sarBasis);
        typed.put("focus", focus == null ? "" : focus);
        typed.put("methodologies", methodologies == null ? List.of() : methodologies);
        typed.put("reasons", reasons == null ? "" : reasons);
        typed.put("actionDescription", descriptions);
        typed.put("actionOwner", actionOwner == null ? List.of() : actionOwner);
        typed.put("dissenting", dissenting == null ? List.of() : dissenting);
        typed.put("dissentNote", dissentNote == null ? "" : dissentNote);
        for (DecisionRefused.Problem problem : Deliberations.problemsOf(form)) {
            errors.add(DECISION_FIELDS.get(problem.part()), problem.message());
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", dates);
            return errors.back(redirect, page + "#decision-form", typed);
        }
        try {
            if (byEmail) {
                meetings.recordDecisionByEmail(agendaItem.id(), form, principal.getName());
            } else {
                meetings.recordDecision(agendaItem.id(), form, principal.getName());
            }
        } catch (DecisionRefused e) {
            e.problems().forEach(p -> errors.add(DECISION_FIELDS.get(p.part()), p.message()));
            redirect.addFlashAttribute("dates", dates);
            return errors.back(redirect, page + "#decision-form", typed);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not quorate, decided already, an agency not in the directory
            errors.add("recommendations", sentence(e.getMessage()));
            redirect.addFlashAttribute("dates", dates);
            return errors.back(redirect, page + "#decision-form", typed);
        }
        redirect.addFlashAttribute("success", "The panel's recommendation was recorded and the outcome emails sent");
        return page;
    }

    /** Where on the item page each part of the recommendation is asked (the first input of each). */
    static final Map<String, String> DECISION_FIELDS = Map.of(
            DecisionRefused.RECOMMENDATIONS, "recommendations", DecisionRefused.LEAD_PROCESS, "lead-process",
            DecisionRefused.SAR_BASIS, "sar-basis", DecisionRefused.REASONS, "reasons",
            DecisionRefused.ACTIONS, "action-1", DecisionRefused.DISSENT, "dissenting",
            DecisionRefused.DISSENT_NOTE, "dissent-note");

    @PostMapping(path = "/meetings/{id}/items/{item}/further-information", name = "meeting.further-information")
    String ask(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String question,
            HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        DateInput due = DateInput.read(request::getParameter, "due", "The date answers are due by", false);
        Errors errors = new Errors();
        if (question == null || question.isBlank()) {
            errors.add("question", "Enter what information the panel needs");
        }
        errors.date(due);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("due", due));
            return errors.back(redirect, page + "#further", Map.of("question", question == null ? "" : question));
        }
        return act(redirect, "#question", page, () -> {
            meetings.requestFurtherInformation(agendaItem.id(), question, due.date(), principal.getName());
            redirect.addFlashAttribute("success", "The members were asked by email");
        });
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/board-decision", name = "meeting.board-decision-recorded")
    String board(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String sarBasis,
            @RequestParam(required = false) String decidedBy, HttpServletRequest request,
            @RequestParam(required = false) String reason, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = find(id);
        AgendaItem agendaItem = item(meeting, item);
        String page = itemPage(meeting, agendaItem);
        Decision recommended = meetings.decision(agendaItem.id()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DateInput on = DateInput.read(request::getParameter, "decided-on", "The date of the decision", true);
        Errors errors = new Errors();
        if (!"RATIFIED".equals(outcome) && !"CHANGED".equals(outcome)) {
            errors.add("outcome", "Select whether the chair ratified or changed the recommendation");
        }
        if ("CHANGED".equals(outcome) && Recommendation.parse(decision).isEmpty()) {
            errors.add("board-decision-choice", "Select the decision the chair made instead");
        }
        if (decidedBy == null || decidedBy.isBlank()) {
            errors.add("decided-by", "Enter who decided (the chair's role)");
        }
        errors.date(on);
        if (reason == null || reason.isBlank()) {
            errors.add("board-reason", "Enter the reasons for the decision");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("decided-on", on));
            return errors.back(redirect, page + "#board", Map.of("decidedBy", decidedBy == null ? "" : decidedBy,
                    "boardReason", reason == null ? "" : reason));
        }
        BoardDecisionForm form = new BoardDecisionForm("RATIFIED".equals(outcome),
                Recommendation.parse(decision).orElse(null),
                enumValue(SarBasis.class, sarBasis).orElse(null), decidedBy, on.date(), reason);
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
        Errors errors = new Errors();
        errors.add(href.startsWith("#") ? href.substring(1) : href, text);
        return errors.back(redirect, page, Map.of());
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

    /** A time typed as hours and minutes ("10:00", "9.30", "14:05"); null when it is not one. */
    static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return LocalTime.of(10, 0);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})[:.](\\d{2})").matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
    }

    static <E extends Enum<E>> java.util.Optional<E> enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, name.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Agencies by their names, for the pages' tables (attendance, votes, dissent). */
    private Map<String, String> agencyNames() {
        Map<String, String> names = new java.util.HashMap<>();
        directory.all().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }
}
