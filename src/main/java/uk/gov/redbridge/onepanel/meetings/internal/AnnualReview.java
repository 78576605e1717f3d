package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.meetings.AnnualReport;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.Breakdown;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.Cell;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.Comparison;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.ComparisonRow;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.Row;
import uk.gov.redbridge.onepanel.meetings.AnnualReport.StepTime;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.TimelineEntry;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/** Works out the annual review's figures from the referral log, the requests and the decisions. */
@Component
public class AnnualReview {

    static final String NOT_KNOWN = "Not known";

    private final ReferralLog referrals;
    private final InformationRequests requests;
    private final DecisionRepository decisions;
    private final AgencyDirectory directory;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final FamilyLinks links;

    private final uk.gov.redbridge.onepanel.shared.words.Words words;

    AnnualReview(ReferralLog referrals, InformationRequests requests, DecisionRepository decisions,
            AgencyDirectory directory, WorkingDays workingDays, Clock clock, FamilyLinks links,
            uk.gov.redbridge.onepanel.shared.words.Words words) {
        this.links = links;
        this.words = words;
        this.referrals = referrals;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** One referral with what the report needs of it. */
    private record Case(Referral referral, Optional<Decision> decision, List<TimelineEntry> timeline) {

        String outcome() {
            if (decision.isEmpty()) {
                return "Not yet considered by the panel";
            }
            Decision d = decision.get();
            return d.standing().label() + (d.board().outcome() == Decision.BoardDecision.Outcome.PENDING
                    ? " (recommended; board decision pending)" : "");
        }

        /** True: went on to a review; false: did not; empty: not decided yet. */
        Optional<Boolean> progressed() {
            return decision.map(d -> d.standing().isReview());
        }
    }

    /**
     * @param from first day (inclusive)
     * @param to   last day (inclusive); at most a year after {@code from}
     */
    public AnnualReport report(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("give a period: from a date up to a later date");
        }
        if (to.isAfter(from.plusYears(1))) {
            throw new IllegalArgumentException("the annual review covers at most 12 months");
        }
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        List<Case> cases = new ArrayList<>();
        for (Referral r : referrals.receivedBetween(start, end)) {
            Optional<Decision> d = decisions.forReferral(r.reference()).stream()
                    .max(Comparator.comparing(Decision::recordedAt));
            cases.add(new Case(r, d, referrals.timeline(r.id())));
        }
        Map<ReferralId, Set<Pathway>> linked = links.linkedPathways(cases.stream().map(c -> c.referral().id())
                .toList());
        java.util.Map<String, String> spelled = new java.util.HashMap<>();
        List<Breakdown> breakdowns = List.of(
                breakdown("Referrals by pathway", cases, c -> c.referral().pathway().label(), order(Pathway.values())),
                breakdown("Referrals by mailbox", cases, c -> words.mailbox(c.referral().mailbox()), List.of()),
                breakdown("Referrals by referring agency", cases, c -> agency(c.referral()
                        .formValue("referrer.agency").orElse(null), spelled), List.of()),
                breakdown("Referrals by outcome", cases, Case::outcome, List.of()),
                linkedBreakdown(cases, linked),
                pathwayPairBreakdown(cases, linked));
        List<Comparison> comparisons = List.of(
                comparison("Age band", cases, this::ageBand),
                comparison("Gender", cases, c -> tidy(c.referral().formValue("subject.gender").orElse(null))),
                comparison("Ethnicity", cases, c -> tidy(c.referral().formValue("subject.ethnicity").orElse(null))),
                comparison("Disability", cases, c -> tidy(c.referral().formValue("subject.disability")
                        .orElse(null))));
        return new AnnualReport(from, to, SmallNumbers.single(cases.size()), breakdowns, steps(cases),
                returns(cases), comparisons);
    }

    static final String LINKED = "Linked to another referral";
    static final String NOT_LINKED = "Not linked";

    /** Think Family: how many referrals share a person with another referral (any year, any pathway). */
    private static Breakdown linkedBreakdown(List<Case> cases, Map<ReferralId, Set<Pathway>> linked) {
        return breakdown("Referrals linked to another referral (Think Family)", cases,
                c -> linked.containsKey(c.referral().id()) ? LINKED : NOT_LINKED, List.of(LINKED, NOT_LINKED));
    }

    /**
     * The linked referrals by the pair of pathways they join ("CSPR and DHR"); a referral linked to referrals of two
     * other pathways is one line of its own ("CSPR and DHR; CSPR and SAR"), so each referral counts once.
     */
    private static Breakdown pathwayPairBreakdown(List<Case> cases, Map<ReferralId, Set<Pathway>> linked) {
        List<Case> withLinks = cases.stream().filter(c -> linked.containsKey(c.referral().id())).toList();
        return breakdown("Linked referrals by pathway pair (Think Family)", withLinks, c -> {
            String own = ReferralLink.shortName(c.referral().pathway());
            return linked.get(c.referral().id()).stream().map(ReferralLink::shortName)
                    .map(other -> own.compareTo(other) <= 0 ? own + " and " + other : other + " and " + own)
                    .sorted().distinct().collect(java.util.stream.Collectors.joining("; "));
        }, List.of());
    }

    private static List<String> order(Pathway[] pathways) {
        List<String> out = new ArrayList<>();
        for (Pathway p : pathways) {
            out.add(p.label());
        }
        return out;
    }

    private static Breakdown breakdown(String title, List<Case> cases, Function<Case, String> key,
            List<String> always) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        always.forEach(k -> counts.put(k, 0));
        Map<String, Integer> found = new TreeMap<>();
        for (Case c : cases) {
            found.merge(key.apply(c), 1, Integer::sum);
        }
        found.forEach((k, v) -> counts.merge(k, v, Integer::sum));
        List<String> labels = new ArrayList<>(counts.keySet());
        List<Cell> cells = SmallNumbers.line(new ArrayList<>(counts.values()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new Row(labels.get(i), cells.get(i)));
        }
        return new Breakdown(title, rows, cells.get(cells.size() - 1));
    }

    private static Comparison comparison(String title, List<Case> cases, Function<Case, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Case c : cases) {
            Optional<Boolean> progressed = c.progressed();
            if (progressed.isEmpty()) {
                continue;
            }
            counts.computeIfAbsent(key.apply(c), k -> new int[2])[progressed.get() ? 0 : 1]++;
        }
        List<String> labels = new ArrayList<>(counts.keySet());
        List<Cell> yes = SmallNumbers.line(labels.stream().map(l -> counts.get(l)[0]).toList());
        List<Cell> no = SmallNumbers.line(labels.stream().map(l -> counts.get(l)[1]).toList());
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new ComparisonRow(labels.get(i), yes.get(i), no.get(i)));
        }
        return new Comparison(title, rows, yes.get(yes.size() - 1), no.get(no.size() - 1));
    }

    private List<StepTime> steps(List<Case> cases) {
        List<StepTime> out = new ArrayList<>();
        out.add(step("Received to information requests sent", cases, c -> received(c),
                c -> reached(c, ReferralStatus.SCREENING)));
        out.add(step("Information requests sent to ready for panel", cases, c -> reached(c, ReferralStatus.SCREENING),
                c -> reached(c, ReferralStatus.READY_FOR_PANEL)));
        out.add(step("Ready for panel to panel recommendation", cases, c -> reached(c, ReferralStatus.READY_FOR_PANEL),
                c -> c.decision().map(Decision::meetingDate)));
        out.add(step("Panel recommendation to board decision", cases, c -> c.decision().map(Decision::meetingDate),
                c -> c.decision().map(d -> d.board().decidedOn())));
        out.add(step("Received to board decision (whole time)", cases, c -> received(c),
                c -> c.decision().map(d -> d.board().decidedOn())));
        return out;
    }

    private StepTime step(String name, List<Case> cases, Function<Case, Optional<LocalDate>> a,
            Function<Case, Optional<LocalDate>> b) {
        List<Integer> days = new ArrayList<>();
        for (Case c : cases) {
            Optional<LocalDate> start = a.apply(c);
            Optional<LocalDate> end = b.apply(c);
            if (start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())) {
                days.add(workingDays.workingDaysBetween(start.get(), end.get()));
            }
        }
        if (days.isEmpty()) {
            return new StepTime(name, 0, null, null, null, true);
        }
        days.sort(Integer::compare);
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
        double mean = Math.round(days.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
        return new StepTime(name, n, median, mean, days.get(n - 1), n >= SmallNumbers.THRESHOLD);
    }

    private Optional<LocalDate> received(Case c) {
        return Optional.of(workingDays.dateOf(c.referral().receivedAt()));
    }

    /** The day the referral first reached a status, from its timeline. */
    private Optional<LocalDate> reached(Case c, ReferralStatus status) {
        return c.timeline().stream().filter(t -> "STATUS".equals(t.kind()) && t.detail() != null
                        && t.detail().contains("→ " + status.label()))
                .map(t -> workingDays.dateOf(t.at())).findFirst();
    }

    private List<AnnualReport.AgencyReturns> returns(List<Case> cases) {
        Map<String, int[]> byAgency = new LinkedHashMap<>();
        directory.all().forEach(a -> byAgency.put(a.code(), new int[3]));
        for (Case c : cases) {
            for (InformationRequest r : requests.forReferral(c.referral().reference())) {
                if (r.status() == RequestStatus.CANCELLED || r.status() == RequestStatus.DRAFT) {
                    continue;
                }
                int[] counts = byAgency.computeIfAbsent(r.agencyCode(), k -> new int[3]);
                if (r.answeredAt() == null) {
                    counts[2]++;
                } else if (r.deadline() != null && workingDays.dateOf(r.answeredAt()).isAfter(r.deadline().due())) {
                    counts[1]++;
                } else {
                    counts[0]++;
                }
            }
        }
        List<AnnualReport.AgencyReturns> out = new ArrayList<>();
        byAgency.forEach((code, counts) -> {
            if (counts[0] + counts[1] + counts[2] == 0) {
                return;
            }
            List<Cell> cells = SmallNumbers.line(List.of(counts[0], counts[1], counts[2]));
            out.add(new AnnualReport.AgencyReturns(code, directory.byCode(code).map(a -> a.name()).orElse(code),
                    cells.get(3), cells.get(0), cells.get(1), cells.get(2)));
        });
        return out;
    }

    private String ageBand(Case c) {
        Integer age = c.referral().subject().age();
        if (age == null && c.referral().subject().dateOfBirth() != null) {
            try {
                LocalDate born = LocalDate.parse(c.referral().subject().dateOfBirth());
                LocalDate at = c.referral().formValue("referral.incident_date").map(LocalDate::parse)
                        .orElse(workingDays.dateOf(c.referral().receivedAt()));
                age = Period.between(born, at).getYears();
            } catch (RuntimeException e) {
                age = null;
            }
        }
        if (age == null || age < 0) {
            return NOT_KNOWN;
        }
        if (age < 18) {
            return "Under 18";
        }
        if (age < 25) {
            return "18 to 24";
        }
        if (age < 40) {
            return "25 to 39";
        }
        if (age < 65) {
            return "40 to 64";
        }
        return age < 80 ? "65 to 79" : "80 and over";
    }

    /**
     * The referring agency as the report names it: the directory's name when the form names a partner agency (by its
     * name or code, in any case), else the form's own wording as first written (never lower-cased: "NELFT NHS
     * Foundation Trust" stays so), counted together whatever its case and spaces.
     */
    String agency(String written, java.util.Map<String, String> spelled) {
        if (written == null || written.isBlank()) {
            return NOT_KNOWN;
        }
        String w = written.trim().replaceAll("\\s+", " ");
        for (uk.gov.redbridge.onepanel.agencies.Agency a : directory.all()) {
            if (a.name().equalsIgnoreCase(w) || a.code().equalsIgnoreCase(w)
                    || w.toUpperCase(Locale.ROOT).contains("(" + a.code() + ")")) {
                return a.name();
            }
        }
        return spelled.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> w);
    }

    /** A form's own wording, tidied so that "female" and "Female " count together; blank is "Not known". */
    static String tidy(String value) {
        if (value == null || value.isBlank()) {
            return NOT_KNOWN;
        }
        String v = value.trim().replaceAll("\\s+", " ");
        return v.substring(0, 1).toUpperCase(Locale.ROOT) + v.substring(1).toLowerCase(Locale.ROOT);
    }
}
