package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.BitSet;
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

    /**
     * A wording of the mapping, its words as numbers of the mapping's vocabulary with their weights, worked out once
     * per mapping: scoring a text then compares numbers, not strings.
     */
    private record Wording(MappingSection section, FieldSpec field, String part, String role, String written,
            List<String> words, int[] ids, double[] weights) {
    }

    /**
     * A text's words as scored: each word's number in the vocabulary (-1 for a word no wording has), its weight, and
     * the numbers of the vocabulary's words it matches by its beginning ("ethnic" and "ethnicity").
     */
    record LabelWords(List<String> words, int[] ids, double[] weights, int[][] prefixed) {
    }

    private final Words words;
    private final List<Wording> fields = new ArrayList<>();
    private final List<Wording> parts = new ArrayList<>();
    private final List<Wording> headings = new ArrayList<>();
    private final List<Wording> itemHeadings = new ArrayList<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final double unknownWeight;
    /** every word of every wording, numbered */
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> vocabularyWords = new ArrayList<>();
    /** vocabulary by the first four letters of its words: the only ones a word can match by its beginning */
    private final Map<String, int[]> vocabularyByStart = new HashMap<>();
    /** field wordings (indexes into {@link #fields}) by the number of a word they have */
    private int[][] fieldsByWord;
    /** field wordings by the first four letters of their words */
    private final Map<String, int[]> fieldsByStart = new HashMap<>();

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
        List<Object[]> pending = new ArrayList<>();
        for (MappingSection s : mapping.sections()) {
            for (FieldSpec f : s.fields()) {
                fieldCount++;
                for (String label : f.labels()) {
                    for (String variant : variants(label)) {
                        List<String> w = words.of(variant);
                        if (w.isEmpty()) {
                            continue;
                        }
                        pending.add(new Object[] {fields, s, f, null, null, label, w});
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
                        pending.add(new Object[] {parts, s, null, p.getKey(), null, label, w});
                    }
                }
            }
            for (String h : s.headings()) {
                for (String variant : variants(h)) {
                    List<String> w = words.of(variant);
                    if (!w.isEmpty()) {
                        pending.add(new Object[] {headings, s, null, null, null, h, w});
                    }
                }
            }
            for (MappingSection.Item item : s.items()) {
                for (String h : item.headings()) {
                    List<String> w = words.of(h);
                    if (!w.isEmpty()) {
                        pending.add(new Object[] {headings, s, null, null, item.role(), h, w});
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : fieldsWithWord.entrySet()) {
            weights.put(e.getKey(), Math.log(1.0 + (double) fieldCount / e.getValue().size()));
        }
        this.unknownWeight = Math.log(1.0 + fieldCount / 0.75);
        for (Object[] p : pending) {
            @SuppressWarnings("unchecked")
            List<Wording> list = (List<Wording>) p[0];
            @SuppressWarnings("unchecked")
            List<String> w = (List<String>) p[6];
            int[] ids = new int[w.size()];
            double[] ws = new double[w.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = vocabulary.computeIfAbsent(w.get(i), k -> {
                    vocabularyWords.add(k);
                    return vocabularyWords.size() - 1;
                });
                ws[i] = weight(w.get(i));
            }
            Wording wording = new Wording((MappingSection) p[1], (FieldSpec) p[2], (String) p[3], (String) p[4],
                    (String) p[5], w, ids, ws);
            list.add(wording);
            if (wording.role() != null) {
                itemHeadings.add(wording);
            }
        }
        Map<String, List<Integer>> byStart = new HashMap<>();
        for (int i = 0; i < vocabularyWords.size(); i++) {
            String w = vocabularyWords.get(i);
            if (w.length() >= 4) {
                byStart.computeIfAbsent(w.substring(0, 4), k -> new ArrayList<>()).add(i);
            }
        }
        byStart.forEach((k, v) -> vocabularyByStart.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        List<List<Integer>> byWord = new ArrayList<>();
        for (int i = 0; i < vocabularyWords.size(); i++) {
            byWord.add(new ArrayList<>());
        }
        Map<String, List<Integer>> fieldsStart = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Wording f = fields.get(i);
            for (int j = 0; j < f.ids().length; j++) {
                byWord.get(f.ids()[j]).add(i);
                String w = f.words().get(j);
                if (w.length() >= 4) {
                    fieldsStart.computeIfAbsent(w.substring(0, 4), k -> new ArrayList<>()).add(i);
                }
            }
        }
        fieldsByWord = byWord.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        fieldsStart.forEach((k, v) -> fieldsByStart.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
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
    private <T> T remembered(char kind, String text, Function<String, T> score) {
        return remembered(String.valueOf(kind), text, score);
    }

    /**
     * Anything worked out from a text alone (and the mapping), once per document while remembering: {@link LabelIndex}
     * keeps its exact-wording matches here too. {@code kind} tells apart what is remembered of one text.
     */
    @SuppressWarnings("unchecked")
    <T> T remembered(String kind, String text, Function<String, T> score) {
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
        List<LabelWords> forms = forms(label);
        Map<FieldSpec, Match> best = new LinkedHashMap<>();
        for (LabelWords c : forms) {
            BitSet candidates = new BitSet(fields.size());
            for (int id : c.ids()) {
                if (id >= 0) {
                    for (int i : fieldsByWord[id]) {
                        candidates.set(i);
                    }
                }
            }
            if (candidates.cardinality() < 40) {
                // a word matched by its beginning only: look wider
                for (String w : c.words()) {
                    int[] ids = w.length() >= 4 ? fieldsByStart.get(w.substring(0, 4)) : null;
                    for (int i : ids == null ? NONE : ids) {
                        if (!candidates.get(i) && sharesPrefix(c, fields.get(i).ids())) {
                            candidates.set(i);
                        }
                    }
                }
            }
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                Wording w = fields.get(i);
                double score = score(c, w);
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

    private static final int[] NONE = {};

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
        return remembered('i', text, t -> best(itemHeadings, t));
    }

    private Match best(List<Wording> wordings, String text) {
        Match best = null;
        for (LabelWords c : forms(text)) {
            for (Wording w : wordings) {
                if (!anyInCommon(c, w.ids())) {
                    // no word of the wording is in the text, even by its beginning: it scores 0
                    continue;
                }
                double score = score(c, w);
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(w.section(), w.field(), w.part(), w.role(), w.written(), score);
                }
            }
        }
        return best;
    }

    /** A text's words as scored, in its forms with and without what it says in brackets; once per text. */
    private List<LabelWords> forms(String label) {
        return remembered('w', label, this::wordForms);
    }

    private List<LabelWords> wordForms(String label) {
        List<String> all = split(words.of(label));
        String bare = PARENTHESES.matcher(label).replaceAll(" ");
        if (bare.equals(label)) {
            return all.isEmpty() ? List.of() : List.of(labelWords(all));
        }
        List<String> without = split(words.of(bare));
        List<LabelWords> out = new ArrayList<>();
        if (!all.isEmpty()) {
            out.add(labelWords(all));
        }
        if (!without.isEmpty() && !without.equals(all)) {
            out.add(labelWords(without));
        }
        return out;
    }

    /** A text's words with their numbers, weights and the vocabulary words each begins or is the beginning of. */
    LabelWords labelWords(List<String> label) {
        int[] ids = new int[label.size()];
        double[] ws = new double[label.size()];
        int[][] prefixed = new int[label.size()][];
        for (int i = 0; i < ids.length; i++) {
            String w = label.get(i);
            Integer id = vocabulary.get(w);
            ids[i] = id == null ? -1 : id;
            ws[i] = weight(w);
            int[] sameStart = w.length() >= 4 ? vocabularyByStart.get(w.substring(0, 4)) : null;
            if (sameStart == null) {
                prefixed[i] = NONE;
                continue;
            }
            int[] found = new int[sameStart.length];
            int n = 0;
            for (int v : sameStart) {
                if (v != ids[i] && prefixes(w, vocabularyWords.get(v))) {
                    found[n++] = v;
                }
            }
            prefixed[i] = java.util.Arrays.copyOf(found, n);
        }
        return new LabelWords(label, ids, ws, prefixed);
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
    private double score(LabelWords label, Wording wording) {
        int[] labelIds = label.ids();
        int n = labelIds.length;
        double wordingWeight = 0;
        double found = 0;
        boolean[] used = new boolean[n];
        int[] ids = wording.ids();
        double[] ws = wording.weights();
        for (int j = 0; j < ids.length; j++) {
            int w = ids[j];
            double weight = ws[j];
            wordingWeight += weight;
            int exact = -1;
            for (int i = 0; i < n; i++) {
                if (!used[i] && labelIds[i] == w) {
                    exact = i;
                    break;
                }
            }
            if (exact >= 0) {
                used[exact] = true;
                found += weight;
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!used[i] && contains(label.prefixed()[i], w)) {
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
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                extra += label.weights()[i];
            }
        }
        return found / (wordingWeight + EXTRA * extra);
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word of the text is, or begins or is the beginning of, a word of the wording. */
    private static boolean anyInCommon(LabelWords label, int[] wording) {
        for (int i = 0; i < label.ids().length; i++) {
            for (int w : wording) {
                if (label.ids()[i] == w || contains(label.prefixed()[i], w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sharesPrefix(LabelWords label, int[] wording) {
        return anyInCommon(label, wording);
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
