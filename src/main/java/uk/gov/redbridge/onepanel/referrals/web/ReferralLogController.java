package uk.gov.redbridge.onepanel.referrals.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.web.DateInput;
import uk.gov.redbridge.onepanel.shared.web.Pagination;

/** The referral log: every referral, filtered, a page at a time, and exported as the board reports want it. */
@Controller
class ReferralLogController {

    static final String VIEW = "referrals/log";
    static final int PAGE_SIZE = 50;
    /** Session attribute: name searches by key, so that no name goes into a URL. */
    static final String SEARCHES = "onepanel.log.searches";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReferralLog referrals;
    private final AgencyDirectory agencies;
    private final LogExport export;
    private final Clock clock;

    ReferralLogController(ReferralLog referrals, AgencyDirectory agencies, LogExport export, Clock clock) {
        this.referrals = referrals;
        this.agencies = agencies;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping(path = "/referrals", name = "log.viewed")
    String log(@ModelAttribute("filter") LogFilter asked, HttpSession session, Model model,
            jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        List<String> mailboxes = referrals.mailboxes();
        asked.check(mailboxes, code -> agencies.byCode(code).isPresent());
        int askedPage = asked.pageNumber();
        // the dates: the form's day, month and year boxes, or a date in the address (a link: ISO or day-first)
        DateInput fromInput = boxes(request, "from", asked.from(), "The first day", today);
        DateInput toInput = boxes(request, "to", asked.to(), "The last day", today);
        LogFilter filter = asked.withDates(fromInput.date(), toInput.date());
        List<DateInput> wrong = java.util.stream.Stream.of(fromInput, toInput).filter(d -> !d.valid()).toList();
        model.addAttribute("filter", filter);
        model.addAttribute("fromInput", fromInput);
        model.addAttribute("toInput", toInput);
        model.addAttribute("dateErrors", wrong);
        String nameSearch = nameSearch(filter, session);
        List<Referral> found = !wrong.isEmpty() ? List.of() : referrals.search(filter.toSearch(nameSearch, today));
        int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(askedPage, pages);
        if (!wrong.isEmpty()) {
            response.setStatus(400);
        }
        model.addAttribute("referrals", found.subList((page - 1) * PAGE_SIZE, Math.min(found.size(), page * PAGE_SIZE)));
        model.addAttribute("total", found.size());
        model.addAttribute("pagination", Pagination.of(page, pages, n -> filter.url("/referrals", n)));
        model.addAttribute("searchText", nameSearch != null ? nameSearch : LogFilter.referenceLike(filter.q()) ? filter.q() : "");
        model.addAttribute("searchExpired", filter.search() != null && nameSearch == null);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("pathways", Pathway.values());
        model.addAttribute("mailboxes", mailboxes);
        model.addAttribute("agencies", agencies.all());
        return VIEW;
    }

    private static DateInput boxes(jakarta.servlet.http.HttpServletRequest request, String name, String text,
            String label, LocalDate today) {
        if (request.getParameter(name + "-day") != null || request.getParameter(name + "-month") != null
                || request.getParameter(name + "-year") != null) {
            return DateInput.read(request::getParameter, name, label, false);
        }
        if (text == null || text.isBlank()) {
            return DateInput.of(name, null);
        }
        return LogFilter.date(text, today).map(d -> DateInput.of(name, d)).orElseGet(() -> new DateInput(name, "", "",
                "", null, label + " must be a real date", DateInput.Part.ALL));
    }

    /**
     * The search box: a reference goes into the URL as it is; anything else (a name) is kept in the session and
     * the URL gets a key to it.
     */
    @PostMapping(path = "/referrals/search", name = "log.searched")
    String search(@ModelAttribute LogFilter filter, HttpSession session) {
        String q = filter.q() == null ? "" : filter.q().strip();
        String key = null;
        if (!q.isEmpty() && !LogFilter.referenceLike(q)) {
            key = HexFormat.of().formatHex(bytes());
            searches(session).put(key, q.length() > 200 ? q.substring(0, 200) : q);
        }
        LogFilter target = new LogFilter(filter.status(), filter.pathway(), filter.mailbox(), filter.from(),
                filter.to(), filter.agency(), LogFilter.referenceLike(q) ? q : null, key, null);
        return "redirect:" + target.url("/referrals", null);
    }

    @GetMapping(path = "/referrals/export.csv", name = "log.exported")
    ResponseEntity<byte[]> csv(@ModelAttribute LogFilter filter, HttpSession session) {
        return export.csv(found(filter, session));
    }

    @GetMapping(path = "/referrals/export.xlsx", name = "log.exported")
    ResponseEntity<byte[]> xlsx(@ModelAttribute LogFilter filter, HttpSession session) {
        return export.xlsx(found(filter, session));
    }

    private List<Referral> found(LogFilter filter, HttpSession session) {
        filter.check(referrals.mailboxes(), code -> agencies.byCode(code).isPresent());
        return referrals.search(filter.toSearch(nameSearch(filter, session), LocalDate.now(clock)));
    }

    private static String nameSearch(LogFilter filter, HttpSession session) {
        return filter.search() == null ? null : searches(session).get(filter.search());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> searches(HttpSession session) {
        Object held = session.getAttribute(SEARCHES);
        if (held instanceof Map<?, ?> map) {
            return (Map<String, String>) map;
        }
        Map<String, String> created = new HashMap<>();
        session.setAttribute(SEARCHES, created);
        return created;
    }

    private static byte[] bytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
