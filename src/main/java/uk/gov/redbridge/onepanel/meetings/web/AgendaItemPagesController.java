package uk.gov.redbridge.onepanel.meetings.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Attendee;
import uk.gov.redbridge.onepanel.meetings.BoardDecisionForm;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.DecisionRefused;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.Methodology;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;
import uk.gov.redbridge.onepanel.meetings.internal.Deliberations;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.shared.web.DateInput;

/**
 * A meeting's agenda items: adding one, taking one off, and an item's page (votes, the panel's recommendation,
 * further information by email, the board's decision). Every form goes back to its page; a refusal comes back as
 * {@code pageErrors} with words that carry no personal data.
 */
@Controller
class AgendaItemPagesController {

    /** An item: a referral by its reference, or another item with a title. */
    record AgendaItemForm(String reference, String title, String detail) {
    }

    /** An agency's vote, and who cast it. */
    record VoteForm(String agency, String choice, String castBy) {
    }

    /** The panel's recommendation as the item page asks it (follow-up actions' dates are read with {@link DateInput}). */
    record RecommendationForm(List<String> recommendations, String leadProcess, String sarBasis, String focus,
            List<String> methodologies, String reasons, List<String> actionDescription, List<String> actionOwner,
            List<String> dissenting, String dissentNote, Boolean byEmail) {

        RecommendationForm {
            recommendations = recommendations == null ? List.of() : recommendations;
            methodologies = methodologies == null ? List.of() : methodologies;
            actionDescription = actionDescription == null ? List.of() : actionDescription;
            actionOwner = actionOwner == null ? List.of() : actionOwner;
        }

        /** What was typed, to give back with the problems. */
        Map<String, Object> typed() {
            Map<String, Object> typed = new HashMap<>();
            typed.put("recommendations", recommendations);
            typed.put("leadProcess", MeetingPages.blankIfNull(leadProcess));
            typed.put("sarBasis", MeetingPages.blankIfNull(sarBasis));
            typed.put("focus", MeetingPages.blankIfNull(focus));
            typed.put("methodologies", methodologies);
            typed.put("reasons", MeetingPages.blankIfNull(reasons));
            typed.put("actionDescription", actionDescription);
            typed.put("actionOwner", actionOwner);
            typed.put("dissenting", dissenting == null ? List.of() : dissenting);
            typed.put("dissentNote", MeetingPages.blankIfNull(dissentNote));
            return typed;
        }
    }

    /** What the panel asks the members by email (the date answers are due by is read with {@link DateInput}). */
    record QuestionForm(String question) {
    }

    /** The board's decision on the recommendation (its date is read with {@link DateInput}). */
    record BoardForm(String outcome, String decision, String sarBasis, String decidedBy, String reason) {
    }

    /** Where on the item page each part of the recommendation is asked (the first input of each). */
    static final Map<String, String> DECISION_FIELDS = Map.of(
            DecisionRefused.RECOMMENDATIONS, "recommendations", DecisionRefused.LEAD_PROCESS, "lead-process",
            DecisionRefused.SAR_BASIS, "sar-basis", DecisionRefused.REASONS, "reasons",
            DecisionRefused.ACTIONS, "action-1", DecisionRefused.DISSENT, "dissenting",
            DecisionRefused.DISSENT_NOTE, "dissent-note");

    private final PanelMeetings meetings;
    private final AgencyDirectory directory;
    private final MeetingPages pages;
    private final Clock clock;

    AgendaItemPagesController(PanelMeetings meetings, AgencyDirectory directory, MeetingPages pages, Clock clock) {
        this.meetings = meetings;
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @PostMapping(path = "/meetings/{id}/agenda", name = "meeting.item-added")
    String addItem(@PathVariable String id, @ModelAttribute AgendaItemForm form, Principal principal,
            RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        String back = MeetingPages.back(meeting);
        ReferralReference ref = null;
        if (form.reference() != null && !form.reference().isBlank()) {
            ref = ReferralReference.tryParse(form.reference()).orElse(null);
            if (ref == null) {
                return pages.error(redirect, "#item-reference", "meeting.error.reference", back);
            }
        } else if (form.title() == null || form.title().isBlank()) {
            return pages.error(redirect, "#item-reference", "meeting.error.item", back);
        }
        ReferralReference chosen = ref;
        return pages.act(redirect, "#item-reference", back, () -> meetings.addItem(meeting.id(), chosen,
                form.title(), form.detail(), principal.getName()), "meeting.done.itemAdded");
    }

    /** The confirmation before an item is taken off the agenda. */
    @GetMapping(path = "/meetings/{id}/agenda/{item}/remove", name = "meeting.item-remove-opened")
    String removeItemPage(@PathVariable String id, @PathVariable String item, Model model) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
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
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        if (!meetings.removeItem(agendaItem.id(), principal.getName())) {
            return pages.error(redirect, "#agenda", "meeting.error.itemActedOn", MeetingPages.back(meeting));
        }
        return pages.done(redirect, MeetingPages.back(meeting), "meeting.done.itemRemoved");
    }

    @GetMapping(path = "/meetings/{id}/items/{item}", name = "meeting.item-viewed")
    String item(@PathVariable String id, @PathVariable String item, Model model) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        List<String> present = meetings.attendance(meeting.id()).stream().map(Attendee::agency).distinct().toList();
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", agendaItem);
        model.addAttribute("pageTitle", agendaItem.title());
        model.addAttribute("quorum", meetings.quorum(meeting.id()));
        model.addAttribute("votes", meetings.votes(agendaItem.id()));
        model.addAttribute("tally", MeetingPages.tally(meetings.votes(agendaItem.id())));
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
        model.addAttribute("agencyNames", pages.agencyNames());
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
    String vote(@PathVariable String id, @PathVariable String item, @ModelAttribute VoteForm form,
            Principal principal, RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        String page = MeetingPages.itemPage(meeting, agendaItem);
        Errors errors = new Errors();
        if (form.agency() == null || form.agency().isBlank()) {
            errors.add("vote-agency", pages.text("meeting.error.voteAgency"));
        }
        if (Recommendation.parse(form.choice()).isEmpty()) {
            errors.add("vote-choice", pages.text("meeting.error.voteChoice"));
        }
        if (!errors.isEmpty()) {
            return errors.back(redirect, page + "#votes", Map.of("vote-by", MeetingPages.blankIfNull(form.castBy())));
        }
        return pages.act(redirect, "#vote-agency", page, () -> meetings.recordVote(agendaItem.id(), form.agency(),
                Recommendation.parse(form.choice()).orElseThrow(), form.castBy(), principal.getName()),
                "meeting.done.vote", directory.nameOf(form.agency()));
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/decision", name = "meeting.decision-recorded")
    String decide(@PathVariable String id, @PathVariable String item, HttpServletRequest request,
            @ModelAttribute RecommendationForm typed, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        String page = MeetingPages.itemPage(meeting, agendaItem);
        List<Recommendation> chosen = new ArrayList<>();
        typed.recommendations().forEach(r -> Recommendation.parse(r).ifPresent(chosen::add));
        Set<Methodology> methods = EnumSet.noneOf(Methodology.class);
        typed.methodologies().forEach(m -> MeetingPages.enumValue(Methodology.class, m).ifPresent(methods::add));
        Errors errors = new Errors();
        List<FollowUpAction> actions = new ArrayList<>();
        List<String> descriptions = typed.actionDescription();
        Map<String, DateInput> dates = new LinkedHashMap<>();
        for (int i = 0; i < descriptions.size(); i++) {
            String owner = i < typed.actionOwner().size() ? typed.actionOwner().get(i) : null;
            DateInput due = DateInput.read(request::getParameter, "action-due-" + (i + 1),
                    "The date action " + (i + 1) + " is due by", false);
            dates.put(due.name(), due);
            errors.date(due);
            if (descriptions.get(i) != null && !descriptions.get(i).isBlank()
                    || owner != null && !owner.isBlank()) {
                actions.add(new FollowUpAction(descriptions.get(i), owner, due.date()));
            }
        }
        DecisionForm form = new DecisionForm(chosen, Recommendation.parse(typed.leadProcess()).orElse(null),
                MeetingPages.enumValue(SarBasis.class, typed.sarBasis()).orElse(null), typed.focus(), methods,
                typed.reasons(), actions, typed.dissenting(), typed.dissentNote());
        for (DecisionRefused.Problem problem : Deliberations.problemsOf(form)) {
            errors.add(DECISION_FIELDS.get(problem.part()), problem.message());
        }
        if (errors.isEmpty()) {
            try {
                if (Boolean.TRUE.equals(typed.byEmail())) {
                    meetings.recordDecisionByEmail(agendaItem.id(), form, principal.getName());
                } else {
                    meetings.recordDecision(agendaItem.id(), form, principal.getName());
                }
                return pages.done(redirect, page, "meeting.done.recommendation");
            } catch (DecisionRefused e) {
                e.problems().forEach(p -> errors.add(DECISION_FIELDS.get(p.part()), p.message()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // not quorate, decided already, an agency not in the directory
                errors.add("recommendations", pages.sentence(e.getMessage()));
            }
        }
        redirect.addFlashAttribute("dates", dates);
        return errors.back(redirect, page + "#decision-form", typed.typed());
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/further-information", name = "meeting.further-information")
    String ask(@PathVariable String id, @PathVariable String item, @ModelAttribute QuestionForm form,
            HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        String page = MeetingPages.itemPage(meeting, agendaItem);
        DateInput due = DateInput.read(request::getParameter, "due", "The date answers are due by", false);
        Errors errors = new Errors();
        if (form.question() == null || form.question().isBlank()) {
            errors.add("question", pages.text("meeting.error.question"));
        }
        errors.date(due);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("due", due));
            return errors.back(redirect, page + "#further", Map.of("question",
                    MeetingPages.blankIfNull(form.question())));
        }
        return pages.act(redirect, "#question", page, () -> meetings.requestFurtherInformation(agendaItem.id(),
                form.question(), due.date(), principal.getName()), "meeting.done.asked");
    }

    @PostMapping(path = "/meetings/{id}/items/{item}/board-decision", name = "meeting.board-decision-recorded")
    String board(@PathVariable String id, @PathVariable String item, @ModelAttribute BoardForm form,
            HttpServletRequest request, Principal principal, RedirectAttributes redirect) {
        Meeting meeting = pages.find(id);
        AgendaItem agendaItem = pages.item(meeting, item);
        String page = MeetingPages.itemPage(meeting, agendaItem);
        Decision recommended = meetings.decision(agendaItem.id()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DateInput on = DateInput.read(request::getParameter, "decided-on", "The date of the decision", true);
        Errors errors = new Errors();
        if (!"RATIFIED".equals(form.outcome()) && !"CHANGED".equals(form.outcome())) {
            errors.add("outcome", pages.text("meeting.error.boardOutcome"));
        }
        if ("CHANGED".equals(form.outcome()) && Recommendation.parse(form.decision()).isEmpty()) {
            errors.add("board-decision-choice", pages.text("meeting.error.boardChoice"));
        }
        if (form.decidedBy() == null || form.decidedBy().isBlank()) {
            errors.add("decided-by", pages.text("meeting.error.decidedBy"));
        }
        errors.date(on);
        if (form.reason() == null || form.reason().isBlank()) {
            errors.add("board-reason", pages.text("meeting.error.boardReason"));
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("dates", Map.of("decided-on", on));
            return errors.back(redirect, page + "#board", Map.of("decidedBy",
                    MeetingPages.blankIfNull(form.decidedBy()), "boardReason", MeetingPages.blankIfNull(form.reason())));
        }
        BoardDecisionForm decision = new BoardDecisionForm("RATIFIED".equals(form.outcome()),
                Recommendation.parse(form.decision()).orElse(null),
                MeetingPages.enumValue(SarBasis.class, form.sarBasis()).orElse(null), form.decidedBy(), on.date(),
                form.reason());
        return pages.act(redirect, "#outcome", page, () -> meetings.recordBoardDecision(recommended.id(), decision,
                principal.getName()), "meeting.done.board");
    }
}
