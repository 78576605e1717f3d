package uk.gov.redbridge.onepanel.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.meetings.AnnualReport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.internal.AnnualReportExports;
import uk.gov.redbridge.onepanel.shared.web.BadQuery;
import uk.gov.redbridge.onepanel.shared.web.DateInput;
import uk.gov.redbridge.onepanel.shared.web.Downloads;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * The annual review (figures with small numbers suppressed, bar charts drawn on the server as SVG images, exports
 * as PDF and .xlsx). The agreed reviews are {@link ReviewPagesController}'s.
 */
@Controller
class ReportPagesController {

    private final PanelMeetings meetings;
    private final Clock clock;

    ReportPagesController(PanelMeetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * The annual review for a period: the day, month and year boxes of the page's form ({@code from-day} ...), or
     * {@code from} and {@code to} as ISO dates (the exports' links). A period that is not one is shown on the page with
     * the GOV.UK error summary, answered 400.
     */
    @GetMapping(path = "/reports/annual", name = "report.annual-viewed")
    String annual(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        LocalDate today = LocalDate.now(clock);
        DateInput start = boxes(request, "from", from, "The first day");
        DateInput end = boxes(request, "to", to, "The last day");
        List<Map<String, String>> problems = new java.util.ArrayList<>();
        for (DateInput d : List.of(start, end)) {
            if (!d.valid()) {
                problems.add(Map.of("href", d.href(), "text", d.error(), "field", d.name()));
            }
        }
        LocalDate last = end.date() != null ? end.date() : today;
        LocalDate first = start.date() != null ? start.date() : last.minusYears(1).plusDays(1);
        AnnualReport report = null;
        if (problems.isEmpty()) {
            try {
                report = meetings.annualReport(first, last);
            } catch (IllegalArgumentException e) {
                problems.add(Map.of("href", "#from-day", "text", "The period must start before it ends and be no "
                        + "longer than 12 months", "field", "from"));
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("problems", problems);
        model.addAttribute("report", report);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("fromInput", start.blank() ? DateInput.of("from", first) : start);
        model.addAttribute("toInput", end.blank() ? DateInput.of("to", last) : end);
        return "meetings/annual";
    }

    /** The day, month and year boxes if the form sent them; else an ISO date from a link; blank when neither. */
    private static DateInput boxes(HttpServletRequest request, String name, String iso, String label) {
        if (request.getParameter(name + "-day") != null || request.getParameter(name + "-month") != null
                || request.getParameter(name + "-year") != null) {
            return DateInput.read(request::getParameter, name, label, true);
        }
        if (iso == null || iso.isBlank()) {
            return DateInput.of(name, null);
        }
        try {
            return DateInput.of(name, LocalDate.parse(iso.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return new DateInput(name, "", "", "", null, label + " must be a real date", DateInput.Part.ALL);
        }
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

    private record Period(LocalDate from, LocalDate to) {
    }

    /** The last 12 months to today unless a period is given (ISO dates: the exports' links); a bad one is a 400. */
    private Period period(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null || to.isBlank() ? today : iso("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusYears(1).plusDays(1) : iso("from", from);
        return new Period(start, end);
    }

    private static LocalDate iso(String parameter, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadQuery(parameter, "Dates in the address are written 2026-03-27");
        }
    }

    private AnnualReport report(Period period) {
        try {
            return meetings.annualReport(period.from(), period.to());
        } catch (IllegalArgumentException e) {
            throw new BadQuery("from", "The period must start before it ends and be no longer than 12 months");
        }
    }
}
