package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;

/**
 * How much a label written on a form is like each field's wordings, as a score from 0 to 1 rather than a yes or no:
 * the meaningful words of both ({@link Words}) are compared, each word weighted by how rare it is among the
 * mapping's fields (a word many fields share, like "name" or "date", says less than "tenure" or "postcode"). The
 * score is the weight of the wording's words found in the label, over the weight of all the wording's words and a
 * part of the weight of the label's words that are not in the wording ("First names of subject" is still "First
 * name"; "Name of manager" is not "Name"). A word may match another it begins ("ethnic", "ethnicity").
 */
final class SimilarLabels {

    /** A field (or a part, or a heading) and how like it a text is. */
    record Match(MappingSection section, FieldSpec field, String part, String role, String wording, double score) {
    }

    /** extra words of the label weigh this much against it */
    private static final double EXTRA = 0.35;
    /** a word matched by its beginning ("ethnic" for "ethnicity") counts this much */
    private static final double PREFIX = 0.8;
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

    private record Wording(MappingSection section, FieldSpec field, String part, String role, String written,
            List<String> words) {
    }

    private final Words words;
    private final List<Wording> fields = new ArrayList<>();
    private final List<Wording> parts = new ArrayList<>();
    private final List<Wording> headings = new ArrayList<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final double unknownWeight;
    private final Map<String, List<Integer>> fieldsByWord = new HashMap<>();
    /** wordings by the first four letters of their words: the only ones a word can match by its beginning */
    private final Map<String, List<Integer>> fieldsByStart = new HashMap<>();

    /**
     * Scores already worked out for the document being read, by the text scored: a cell's text is scored as a field,
     * a part and a heading, often more than once, while its place is decided. Kept only from {@link #remembering()}
     * until that is closed (one document's reading, on its thread), so no text of one document outlives its reading.
     */
    private final ThreadLocal<Map<String, Object>> remembered = new ThreadLocal<>();

    /** While open, scores are worked out once per text; closing drops them. */
    interface Remembering extends AutoCloseable {
        @Override
        void close();
    }

    SimilarLabels(FormMapping mapping, Words words) {
        this.words = words;
        Map<String, Set<String>> fieldsWithWord = new HashMap<>();
        int fieldCount = 0;
        for (MappingSection s : mapping.sections()) {
            for (FieldSpec f : s.fields()) {
                fieldCount++;
                for (String label : f.labels()) {
                    for (String variant : variants(label)) {
                        List<String> w = words.of(variant);
                        if (w.isEmpty()) {
                            continue;
                        }
                        fields.add(new Wording(s, f, null, null, label, w));
                        for (String word : w) {
                            fieldsWithWord.computeIfAbsent(word, k -> new HashSet<>()).add(s.key() + "/" + f.key());
                        }
                    }
                }
            }
            for (Map.Entry<String, List<String>> p : s.parts().entrySet()) {
                for (String label : p.getValue()) {
                    List<String> w = words.of(label);
                    if (!w.isEmpty()) {
                        parts.add(new Wording(s, null, p.getKey(), null, label, w));
                    }
                }
            }
            for (String h : s.headings()) {
                for (String variant : variants(h)) {
                    List<String> w = words.of(variant);
                    if (!w.isEmpty()) {
                        headings.add(new Wording(s, null, null, null, h, w));
                    }
                }
            }
            for (MappingSection.Item item : s.items()) {
                for (String h : item.headings()) {
                    List<String> w = words.of(h);
                    if (!w.isEmpty()) {
                        headings.add(new Wording(s, null, null, item.role(), h, w));
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : fieldsWithWord.entrySet()) {
            weights.put(e.getKey(), Math.log(1.0 + (double) fieldCount / e.getValue().size()));
        }
        this.unknownWeight = Math.log(1.0 + fieldCount / 0.75);
        for (int i = 0; i < fields.size(); i++) {
            for (String w : fields.get(i).words()) {
                fieldsByWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
                if (w.length() >= 4) {
                    fieldsByStart.computeIfAbsent(w.substring(0, 4), k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    /** The wording with and without what it says in brackets ("Age (years)" is "Age" too). */
    private static List<String> variants(String label) {
        String bare = PARENTHESES.matcher(label).replaceAll(" ").strip();
        return bare.isEmpty() || bare.equals(label.strip()) ? List.of(label) : List.of(label, bare);
    }

    /** Remembers scores from now until closed: a new memory for one document, the one before restored after. */
    Remembering remembering() {
        Map<String, Object> before = remembered.get();
        remembered.set(new HashMap<>());
        return () -> {
            if (before == null) {
                remembered.remove();
            } else {
                remembered.set(before);
            }
        };
    }

    /** A score of a kind for a text, worked out once while remembering. */
    @SuppressWarnings("unchecked")
    private <T> T remembered(char kind, String text, Function<String, T> score) {
        Map<String, Object> memory = remembered.get();
        if (memory == null) {
            return score.apply(text);
        }
        String key = kind + text;
        Object value = memory.get(key);
        if (value == null && !memory.containsKey(key)) {
            // no match is remembered too (null)
            value = score.apply(text);
            memory.put(key, value);
        }
        return (T) value;
    }

    /** Each field's best score for a label, best first (fields with no word in common are left out). */
    List<Match> fields(String label) {
        return remembered('f', label, t -> List.copyOf(scoreFields(t)));
    }

    private List<Match> scoreFields(String label) {
        List<List<String>> forms = forms(label);
        Map<FieldSpec, Match> best = new LinkedHashMap<>();
        for (List<String> c : forms) {
            Set<Integer> candidates = new HashSet<>();
            for (String w : c) {
                List<Integer> ids = fieldsByWord.get(w);
                if (ids != null) {
                    candidates.addAll(ids);
                }
            }
            if (candidates.size() < 40) {
                // a word matched by its beginning only: look wider
                for (String w : c) {
                    List<Integer> ids = w.length() >= 4 ? fieldsByStart.get(w.substring(0, 4)) : null;
                    for (int i : ids == null ? List.<Integer>of() : ids) {
                        if (!candidates.contains(i) && sharesPrefix(c, fields.get(i).words())) {
                            candidates.add(i);
                        }
                    }
                }
            }
            for (int i : candidates) {
                Wording w = fields.get(i);
                double score = score(c, w.words());
                Match current = best.get(w.field());
                if (current == null || score > current.score()) {
                    best.put(w.field(), new Match(w.section(), w.field(), null, null, w.written(), score));
                }
            }
        }
        List<Match> out = new ArrayList<>(best.values());
        out.removeIf(m -> m.score() <= 0);
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** The best part ("Subject", "Others") for a short label, or null. */
    Match part(String label) {
        return remembered('p', label, t -> best(parts, t));
    }

    /** The best section or item heading for a text, or null. */
    Match heading(String text) {
        return remembered('h', text, t -> best(headings, t));
    }

    /** The best heading of an item of a repeating section ("Next of kin", "Other person") for a text, or null. */
    Match itemHeading(String text) {
        return remembered('i', text, t -> best(headings.stream().filter(w -> w.role() != null).toList(), t));
    }

    private Match best(List<Wording> wordings, String text) {
        Match best = null;
        for (List<String> c : forms(text)) {
            for (Wording w : wordings) {
                double score = score(c, w.words());
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(w.section(), w.field(), w.part(), w.role(), w.written(), score);
                }
            }
        }
        return best;
    }

    private List<List<String>> forms(String label) {
        List<String> all = split(words.of(label));
        String bare = PARENTHESES.matcher(label).replaceAll(" ");
        if (bare.equals(label)) {
            return all.isEmpty() ? List.of() : List.of(all);
        }
        List<String> without = split(words.of(bare));
        List<List<String>> out = new ArrayList<>();
        if (!all.isEmpty()) {
            out.add(all);
        }
        if (!without.isEmpty() && !without.equals(all)) {
            out.add(without);
        }
        return out;
    }

    /** Words run together ("Firstname", "Lastname") split into two the mapping knows. */
    private List<String> split(List<String> label) {
        List<String> out = new ArrayList<>(label.size() + 1);
        boolean changed = false;
        for (String w : label) {
            String[] parts = w.length() >= 6 && !weights.containsKey(w) ? halves(w) : null;
            if (parts == null) {
                out.add(w);
            } else {
                out.add(parts[0]);
                out.add(parts[1]);
                changed = true;
            }
        }
        return changed ? out : label;
    }

    private String[] halves(String w) {
        for (int cut = 3; cut <= w.length() - 3; cut++) {
            String left = Words.stem(w.substring(0, cut));
            String right = Words.stem(w.substring(cut));
            if (weights.containsKey(left) && weights.containsKey(right)) {
                return new String[] {left, right};
            }
        }
        return null;
    }

    private double weight(String word) {
        return weights.getOrDefault(word, unknownWeight);
    }

    /** The weight of the wording's words found in the label over the wording's weight and a part of the extras. */
    double score(List<String> label, List<String> wording) {
        double wordingWeight = 0;
        double found = 0;
        boolean[] used = new boolean[label.size()];
        for (String w : wording) {
            double weight = weight(w);
            wordingWeight += weight;
            int exact = label.indexOf(w);
            while (exact >= 0 && used[exact]) {
                exact = indexOf(label, w, exact + 1);
            }
            if (exact >= 0) {
                used[exact] = true;
                found += weight;
                continue;
            }
            for (int i = 0; i < label.size(); i++) {
                if (!used[i] && prefixes(label.get(i), w)) {
                    used[i] = true;
                    found += weight * PREFIX;
                    break;
                }
            }
        }
        if (found == 0) {
            return 0;
        }
        double extra = 0;
        for (int i = 0; i < label.size(); i++) {
            if (!used[i]) {
                extra += weight(label.get(i));
            }
        }
        return found / (wordingWeight + EXTRA * extra);
    }

    private static int indexOf(List<String> list, String w, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i).equals(w)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sharesPrefix(List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (prefixes(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean prefixes(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = a.length() < b.length() ? b : a;
        return shorter.length() >= 4 && longer.startsWith(shorter);
    }
}
