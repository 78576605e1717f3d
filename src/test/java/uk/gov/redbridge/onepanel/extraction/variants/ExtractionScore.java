package uk.gov.redbridge.onepanel.extraction.variants;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * Scores forms read against their truth by the rules of the corpus's scorer ({@code ../shared/tools/score-extraction}):
 * dates, NHS numbers and ages exactly after normalising; long text when its words match (token F1 of at least 0.9);
 * short text equal ignoring case and spacing. A wrong value is a value read that differs from the truth, or a value
 * where the truth has none. The calibration line counts the fields marked with confidence of at least 0.9 and how
 * many of them are right.
 */
public final class ExtractionScore {

    private static final List<Pattern> LONG = List.of(Pattern.compile("referral\\.reason"),
            Pattern.compile("involvement\\..*"), Pattern.compile("persons\\.\\d+\\.other_info"),
            Pattern.compile("referrer\\.lessons_learnt"), Pattern.compile("referrer\\.considerations"),
            Pattern.compile("referrer\\.internal_review"));
    private static final List<Pattern> DATES = List.of(Pattern.compile("referral\\.date"),
            Pattern.compile("referral\\.incident_date"), Pattern.compile("subject\\.date_of_birth"),
            Pattern.compile("persons\\.\\d+\\.date_of_birth"), Pattern.compile("decision\\.meeting_date"));
    private static final List<String> KINDS = List.of("date", "nhs_number", "age", "short_text", "long_text");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private final Map<String, int[]> kinds = new TreeMap<>();
    private int right;
    private int total;
    private int wrong;
    private int sure;
    private int sureRight;
    private int forms;
    private int noForm;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> missedKeys = new TreeMap<>();
    private final Map<String, Integer> missedByKind = new TreeMap<>();
    private final List<String> wrongValues = new ArrayList<>();

    private final Map<String, int[]> byLabel = new TreeMap<>();

    /** Scores one input, noting which label each field was written under. */
    public void add(String name, Map<String, String> truth, FilledForm read, String failure,
            Map<String, String> labels) {
        List<String> missedNow = new ArrayList<>();
        add(name, truth, read, failure, missedNow);
        for (String key : truth.keySet()) {
            String label = labels.get(key);
            if (label == null) {
                continue;
            }
            int[] counts = byLabel.computeIfAbsent(key.replaceAll("\\.\\d+\\.", ".N.") + " [" + label + "]",
                    k -> new int[2]);
            counts[0]++;
            if (missedNow.contains(key)) {
                counts[1]++;
            }
        }
    }

    /** The labels under which fields were most often missed: key [label] missed/used. */
    public String missedByLabel(int n) {
        StringBuilder sb = new StringBuilder();
        byLabel.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> b.getValue()[1] - a.getValue()[1]).limit(n)
                .forEach(e -> sb.append(e.getValue()[1]).append('/').append(e.getValue()[0]).append(' ')
                        .append(e.getKey()).append('\n'));
        return sb.toString();
    }

    /** Scores one input; {@code read} is null when no form was read (every field missed). */
    public void add(String name, Map<String, String> truth, FilledForm read, String failure) {
        add(name, truth, read, failure, new ArrayList<>());
    }

    private void add(String name, Map<String, String> truth, FilledForm read, String failure, List<String> missed) {
        forms++;
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        if (read != null) {
            for (ExtractedField f : read.fields()) {
                if (!f.value().isBlank()) {
                    out.put(f.key(), f.value());
                    confidence.put(f.key(), f.confidence());
                }
            }
        } else {
            noForm++;
        }
        int ok = 0;
        int bad = 0;
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, String> e : truth.entrySet()) {
            String kind = kindOf(e.getKey());
            int[] k = kinds.computeIfAbsent(kind, x -> new int[3]);
            k[1]++;
            String got = out.get(e.getKey());
            if (got != null && same(kind, e.getValue(), got)) {
                ok++;
                k[0]++;
            } else {
                misses.add(e.getKey());
                missed.add(e.getKey());
                missedKeys.merge(e.getKey().replaceAll("\\.\\d+\\.", ".N."), 1, Integer::sum);
                missedByKind.merge(e.getKey().replaceAll("\\.\\d+\\.", ".N.") + " ("
                        + name.replaceFirst("^v\\d+-", "") + ")", 1, Integer::sum);
                if (got != null) {
                    bad++;
                    k[2]++;
                    wrongValues.add(name + " " + e.getKey() + ": expected [" + e.getValue() + "] read [" + got + "]");
                }
            }
        }
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (!truth.containsKey(e.getKey())) {
                bad++;
                kinds.computeIfAbsent(kindOf(e.getKey()), x -> new int[3])[2]++;
                wrongValues.add(name + " " + e.getKey() + ": nothing expected, read [" + e.getValue() + "]");
            }
        }
        for (Map.Entry<String, Double> c : confidence.entrySet()) {
            if (c.getValue() >= 0.9 && !c.getKey().endsWith(".role")) {
                sure++;
                String t = truth.get(c.getKey());
                if (t != null && same(kindOf(c.getKey()), t, out.get(c.getKey()))) {
                    sureRight++;
                }
            }
        }
        right += ok;
        total += truth.size();
        wrong += bad;
        lines.add(String.format(Locale.ROOT, "%-40s %3d/%-3d correct, %2d wrong%s%s", name, ok, truth.size(), bad,
                read == null ? "  [" + failure + "]" : "", misses.isEmpty() ? "" : "  missed: " + String.join(", ",
                        misses.subList(0, Math.min(8, misses.size()))) + (misses.size() > 8 ? " ..." : "")));
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) right / total;
    }

    public int wrong() {
        return wrong;
    }

    public int total() {
        return total;
    }

    public double wrongShare() {
        return total == 0 ? 0 : (double) wrong / total;
    }

    /** The share of fields marked with confidence of at least 0.9 that are right. */
    public double calibration() {
        return sure == 0 ? 1 : (double) sureRight / sure;
    }

    public int forms() {
        return forms;
    }

    public int noForm() {
        return noForm;
    }

    public List<String> wrongValues() {
        return wrongValues;
    }

    /** The scorer's report: a line per input, then accuracy by kind, the calibration and the summary line. */
    public String report(boolean perInput) {
        StringBuilder sb = new StringBuilder();
        if (perInput) {
            lines.forEach(l -> sb.append(l).append('\n'));
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-12s %8s %8s %8s %8s%n", "kind", "correct", "total", "acc", "wrong"));
        for (String kind : KINDS) {
            int[] k = kinds.get(kind);
            if (k != null) {
                sb.append(String.format(Locale.ROOT, "%-12s %8d %8d %8.3f %8d%n", kind, k[0], k[1],
                        k[1] == 0 ? 0 : (double) k[0] / k[1], k[2]));
            }
        }
        sb.append(String.format(Locale.ROOT, "confidence >= 0.9: %d/%d right (%.3f)%n", sureRight, sure,
                calibration()));
        sb.append(String.format(Locale.ROOT, "field accuracy %.3f (%d/%d), wrong values %d (%.2f%%), forms %d, no form"
                + " read %d%n", accuracy(), right, total, wrong, 100 * wrongShare(), forms, noForm));
        return sb.toString();
    }

    /** The fields most often missed, for finding what to improve. */
    public String mostMissed(int n) {
        StringBuilder sb = new StringBuilder();
        missedKeys.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        return sb.toString();
    }

    /**
     * Wrong values counted by field and by the kind of form they were on, without the values or the labels: what
     * may be shown of the held-out half.
     */
    public String wrongByKey() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String w : wrongValues) {
            String[] p = w.split(" ", 3);
            String kind = p[0].replaceFirst("^v\\d+-", "");
            counts.merge(p[1].replaceFirst(":$", "").replaceAll("\\.\\d+\\.", ".N.") + " (" + kind + ")", 1,
                    Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    /** The fields most often missed, by the kind of form (layout and format), without labels or values. */
    public String mostMissedByKind(int n) {
        StringBuilder sb = new StringBuilder();
        missedByKind.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        return sb.toString();
    }

    static String kindOf(String key) {
        if (DATES.stream().anyMatch(p -> p.matcher(key).matches())) {
            return "date";
        }
        if (key.equals("subject.nhs_number")) {
            return "nhs_number";
        }
        if (key.equals("subject.age")) {
            return "age";
        }
        if (LONG.stream().anyMatch(p -> p.matcher(key).matches())) {
            return "long_text";
        }
        return "short_text";
    }

    static boolean same(String kind, String truth, String out) {
        return switch (kind) {
            case "date" -> date(truth).equals(date(out));
            case "nhs_number" -> nhs(truth).equals(nhs(out));
            case "age" -> age(truth).equals(age(out));
            case "long_text" -> f1(truth, out) >= 0.9;
            default -> collapse(truth).equalsIgnoreCase(collapse(out));
        };
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String date(String v) {
        String s = collapse(v).toLowerCase(Locale.ROOT);
        try {
            Matcher m = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})").matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString();
            }
            m = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})").matcher(s);
            if (m.matches()) {
                int y = Integer.parseInt(m.group(3));
                y = y < 100 ? (y <= LocalDate.now().getYear() % 100 + 1 ? y + 2000 : y + 1900) : y;
                return LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).toString();
            }
            m = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[ \\-]+([a-z]{3})[a-z]*\\.?,?[ \\-]+(\\d{4})").matcher(s);
            if (m.matches() && MONTHS.containsKey(m.group(2))) {
                return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)),
                        Integer.parseInt(m.group(1))).toString();
            }
        } catch (DateTimeException e) {
            // not a date: compared as written
        }
        return s;
    }

    private static String nhs(String v) {
        String d = v.replaceAll("\\D", "");
        return d.length() == 10 ? d : collapse(v).toLowerCase(Locale.ROOT);
    }

    private static String age(String v) {
        Matcher m = Pattern.compile("(\\d{1,3})(?:\\s*(?:years?|yrs?|y)(?:\\s*old)?)?").matcher(collapse(v)
                .toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : collapse(v).toLowerCase(Locale.ROOT);
    }

    private static double f1(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        if (ta.isEmpty() && tb.isEmpty()) {
            return 1;
        }
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        ta.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : tb) {
            Integer n = counts.get(t);
            if (n != null && n > 0) {
                common++;
                counts.put(t, n - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double p = (double) common / tb.size();
        double r = (double) common / ta.size();
        return 2 * p * r / (p + r);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS).matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
