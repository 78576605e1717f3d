package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;

/**
 * The form's structure as evidence: the sections and the order of the fields in each are known (the mapping lists
 * them in form order). The labels read in a section (or a person of section 3) are lined up against that order; a
 * label the mapping does not know, standing between two recognised neighbours where fields are missing, is taken
 * for a missing field when the evidence agrees: it fills the only gap between its neighbours, or its answer has the
 * shape only one missing field takes (a date, an NHS number, an age, a telephone number, an email address), or its
 * words are clearly more like one missing field than the others. Such fields are read with lower confidence, so that
 * they are listed for review; an unknown label that nothing places is left out.
 */
final class StructureAlignment {

    /** the confidence of a field placed by its position, before the evidence that placed it */
    private static final double PLACED = 0.6;
    /** never surer than this: a field placed by its position is always listed for review */
    private static final double MOST = 0.78;

    private final FormMapping mapping;
    private final Vocabulary vocabulary;

    StructureAlignment(FormMapping mapping, Vocabulary vocabulary) {
        this.mapping = mapping;
        this.vocabulary = vocabulary;
    }

    /** A block of the form: a section, or one person of a repeating section. */
    private record Block(MappingSection section, int person) {
    }

    /** One label in a block, in reading order: a recognised field (its place in form order) or an unknown label. */
    private record Entry(int fieldIndex, Reading.Unknown unknown) {
    }

    List<Located> assign(List<Located> found, List<Reading.Unknown> unknowns) {
        if (unknowns.isEmpty()) {
            return found;
        }
        Map<String, Reading.Unknown> byKey = new HashMap<>();
        unknowns.forEach(u -> byKey.put(u.key(), u));
        Map<Block, List<Entry>> blocks = new LinkedHashMap<>();
        Map<Block, Set<String>> keysFound = new HashMap<>();
        Map<String, List<Located>> valuesOf = new LinkedHashMap<>();
        Set<String> seenUnknowns = new HashSet<>();
        for (Located l : found) {
            if (l.field() == Reading.UNKNOWN) {
                String base = l.key().contains(".") ? l.key().substring(0, l.key().indexOf('.')) : l.key();
                Reading.Unknown u = byKey.get(base);
                valuesOf.computeIfAbsent(base, k -> new ArrayList<>()).add(l);
                if (u == null || u.section() == null || !seenUnknowns.add(base)) {
                    continue;
                }
                Block b = new Block(u.section(), u.section().repeats() ? u.person() : -1);
                blocks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Entry(-1, u));
                continue;
            }
            Block b = blockOf(l.key());
            if (b == null) {
                continue;
            }
            int index = fieldIndex(b.section(), l.field());
            if (index >= 0) {
                blocks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Entry(index, null));
                keysFound.computeIfAbsent(b, k -> new HashSet<>()).add(l.field().key());
            }
        }
        Map<String, Placed> placed = new HashMap<>();
        for (Map.Entry<Block, List<Entry>> e : blocks.entrySet()) {
            Set<String> keys = keysFound.computeIfAbsent(e.getKey(), k -> new HashSet<>());
            place(e.getKey(), e.getValue(), keys, valuesOf, placed);
            int before = placed.size();
            byShapeOrWords(e.getKey(), e.getValue(), keys, valuesOf, placed);
            if (placed.size() > before) {
                // a label placed by its answer's shape is a neighbour too: the gaps around it are smaller now
                place(e.getKey(), e.getValue(), keys, valuesOf, placed);
            }
        }
        List<Located> out = new ArrayList<>();
        for (Located l : found) {
            if (l.field() != Reading.UNKNOWN) {
                out.add(l);
                continue;
            }
            String base = l.key().contains(".") ? l.key().substring(0, l.key().indexOf('.')) : l.key();
            Placed p = placed.get(base);
            if (p == null) {
                continue;
            }
            String part = l.key().contains(".") ? l.key().substring(l.key().indexOf('.') + 1)
                    : p.field().parts() ? orSubject(p.section().defaultPart()) : null;
            String key = p.key() + (part == null ? "" : "." + part);
            String value = vocabulary.clean(Arrays.asList(l.value().split("\n", -1)), p.field().type());
            if (!value.isBlank()) {
                out.add(new Located(key, p.field(), value, l.label(), l.origin(), p.confidence(), l.placement()));
            }
        }
        return out;
    }

    private static String orSubject(String part) {
        return part == null ? "subject" : part;
    }

    /**
     * What order cannot settle (rows moved about), the rest of the evidence may: in a block, the one label left whose
     * answer has a shape only one missing field of the block takes (the only date still missing, the only person's
     * name, the only long answer), or whose words are clearly most like one missing field.
     */
    private void byShapeOrWords(Block block, List<Entry> entries, Set<String> foundKeys,
            Map<String, List<Located>> valuesOf, Map<String, Placed> placed) {
        List<FieldSpec> fields = block.section().fields();
        List<Reading.Unknown> left = new ArrayList<>();
        for (Entry e : entries) {
            if (e.unknown() != null && !placed.containsKey(e.unknown().key())
                    && !valuesOf.getOrDefault(e.unknown().key(), List.of()).isEmpty()) {
                left.add(e.unknown());
            }
        }
        if (left.isEmpty()) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec field = fields.get(f);
            if (!(field.type() == ValueType.FULL_NAME) && !isFound(field, fields, foundKeys)
                    && !combined(field, allIndexes(fields), fields)) {
                missing.add(f);
            }
        }
        for (String kind : List.of("date", "nhs", "age", "phone", "email", "address", "person", "long", "yesno")) {
            List<Integer> slots = missing.stream().filter(f -> kind.equals(fieldKind(fields.get(f)))).toList();
            if (slots.size() != 1) {
                continue;
            }
            List<Reading.Unknown> shaped = left.stream().filter(u -> !placed.containsKey(u.key())
                    && kind.equals(valueKind(valuesOf.get(u.key())))).toList();
            if (shaped.size() != 1 || likerElsewhere(shaped.get(0), fields, slots, foundKeys)) {
                continue;
            }
            FieldSpec field = fields.get(slots.get(0));
            Reading.Unknown u = shaped.get(0);
            placed.put(u.key(), new Placed(block.section(), field, block.section().keyOf(field,
                    Math.max(block.person(), 0)), Math.min(MOST, PLACED + 0.1 * likeness(u, field))));
            foundKeys.add(field.key());
        }
        for (Reading.Unknown u : left) {
            if (placed.containsKey(u.key())) {
                continue;
            }
            List<Located> values = valuesOf.get(u.key());
            boolean hasParts = values.stream().anyMatch(v -> v.key().contains("."));
            FieldSpec best = null;
            double bestLike = 0;
            double second = 0;
            for (int f : missing) {
                FieldSpec field = fields.get(f);
                if (isFound(field, fields, foundKeys) || field.parts() != hasParts
                        || fit(field, values.get(0).value()) < 0.5) {
                    continue;
                }
                double like = likeness(u, field);
                if (like > bestLike) {
                    second = bestLike;
                    bestLike = like;
                    best = field;
                } else if (like > second) {
                    second = like;
                }
            }
            if (best != null && bestLike >= 0.5 && bestLike - second >= 0.15
                    && !likerElsewhere(u, fields, List.of(fields.indexOf(best)), foundKeys)) {
                placed.put(u.key(), new Placed(block.section(), best, block.section().keyOf(best,
                        Math.max(block.person(), 0)), Math.min(MOST, PLACED + 0.1 * bestLike)));
                foundKeys.add(best.key());
            }
        }
    }

    private static List<Integer> allIndexes(List<FieldSpec> fields) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            out.add(i);
        }
        return out;
    }

    /** The kind of answer a field takes, where its shape tells it from the others: null when it does not. */
    private static String fieldKind(FieldSpec field) {
        if (field.parts()) {
            return null;
        }
        return switch (field.type()) {
            case DATE -> "date";
            case NHS_NUMBER -> "nhs";
            case AGE -> "age";
            case PHONE -> "phone";
            case EMAIL -> "email";
            case LONG_TEXT -> "long";
            case YES_NO -> "yesno";
            case TEXT -> field.key().equals("name") || field.key().endsWith(".name") || field.key().endsWith("manager")
                    ? "person" : field.key().endsWith("address") ? "address" : null;
            default -> null;
        };
    }

    private static final FieldSpec NAME = new FieldSpec("name", ValueType.TEXT, false, List.of("x"), false, null);

    /** The kind of an unknown label's answer by its shape, or null. */
    private static String valueKind(List<Located> values) {
        if (values == null || values.size() != 1 || values.get(0).key().contains(".")) {
            return null;
        }
        String v = values.get(0).value().strip();
        if (v.isEmpty() || ValueShapes.placeholder(v)) {
            return null;
        }
        if (ValueShapes.date(v) && v.length() <= 20) {
            return "date";
        }
        String digits = uk.gov.redbridge.onepanel.extraction.internal.normalising.NhsNumbers.digits(v);
        if (digits != null && uk.gov.redbridge.onepanel.extraction.internal.normalising.NhsNumbers.valid(digits)) {
            return "nhs";
        }
        if (v.length() <= 12 && uk.gov.redbridge.onepanel.extraction.internal.normalising.Ages.parse(v).isPresent()) {
            return "age";
        }
        boolean email = v.contains("@");
        boolean phone = v.matches("(?s).*\\d{3}.*\\d{3}.*");
        if (email && !phone) {
            return "email";
        }
        if (phone && !email && v.length() <= 30) {
            return "phone";
        }
        if (v.matches("(?is)^(yes|no)\\b.*")) {
            return "yesno";
        }
        if (ValueShapes.personName(NAME, v)) {
            return "person";
        }
        if (v.length() <= 150 && ValueShapes.postcode(v)) {
            // "Flat 9, 66 Goodmayes Lane, Goodmayes IG3 9RT": only an address ends with a postcode
            return "address";
        }
        return Words.WHITESPACE.split(v).length >= 8 ? "long" : null;
    }

    /** Where an unknown label was placed: its field, the key its answer goes to, how sure. */
    private record Placed(MappingSection section, FieldSpec field, String key, double confidence) {
    }

    private void place(Block block, List<Entry> entries, Set<String> foundKeys, Map<String, List<Located>> valuesOf,
            Map<String, Placed> placed) {
        List<FieldSpec> fields = block.section().fields();
        // where each label stands in form order: a recognised field, an unknown label already placed, or -1
        int[] at = new int[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            Placed p = e.unknown() == null ? null : placed.get(e.unknown().key());
            at[k] = e.unknown() == null ? e.fieldIndex() : p == null ? -1 : fields.indexOf(p.field());
        }
        int i = 0;
        while (i < entries.size()) {
            if (at[i] >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < entries.size() && at[i] < 0) {
                i++;
            }
            List<Reading.Unknown> run = new ArrayList<>();
            for (int j = start; j < i; j++) {
                run.add(entries.get(j).unknown());
            }
            int before = start > 0 ? at[start - 1] : -1;
            int after = i < entries.size() ? at[i] : fields.size();
            if (before >= after) {
                // rows out of form order around it: its place says nothing
                continue;
            }
            List<Integer> gap = new ArrayList<>();
            boolean whole = true;
            for (int f = before + 1; f < after; f++) {
                FieldSpec field = fields.get(f);
                if (!field.into().isEmpty() && field.type() == ValueType.FULL_NAME) {
                    continue;
                }
                if (isFound(field, fields, foundKeys)) {
                    whole = false;
                    continue;
                }
                gap.add(f);
            }
            if (gap.isEmpty()) {
                continue;
            }
            // at the start or the end of a block, rows read earlier out of order do not unsettle the gap
            boolean edge = start == 0 || i == entries.size();
            fill(block, run, gap, whole || edge, whole && !edge, foundKeys, valuesOf, placed);
        }
    }

    /**
     * Places a run of unknown labels in the missing fields between their neighbours: in order, each where the
     * evidence is enough.
     *
     * @param whole   every field between the neighbours is missing (none was read elsewhere): their place is sure
     * @param between the run stands between two recognised neighbours, not at the start or end of its block
     */
    private void fill(Block block, List<Reading.Unknown> run, List<Integer> gap, boolean whole, boolean between,
            Set<String> foundKeys, Map<String, List<Located>> valuesOf, Map<String, Placed> placed) {
        List<FieldSpec> fields = block.section().fields();
        // contact (telephone and email in one) stands for its parts: keep whichever fits the answer
        long open = gap.stream().filter(f -> !combined(fields.get(f), gap, fields)).count();
        boolean exact = whole && run.size() == open;
        // rows read out of order around them, but one label between its neighbours and one field missing there
        boolean single = !whole && run.size() == 1 && open == 1;
        Map<String, Integer> forced = forcedByShape(run, gap, fields, valuesOf);
        int next = 0;
        for (Reading.Unknown u : run) {
            List<Located> values = valuesOf.getOrDefault(u.key(), List.of());
            if (values.isEmpty()) {
                continue;
            }
            boolean hasParts = values.stream().anyMatch(v -> v.key().contains("."));
            String value = values.get(0).value();
            Integer shaped = forced.get(u.key());
            if (shaped != null && shaped >= next && !likerElsewhere(u, fields, gap, foundKeys)) {
                // as many answers of one shape (dates, say) as missing fields of that type: in form order
                FieldSpec field = fields.get(gap.get(shaped));
                double confidence = Math.min(MOST, PLACED + 0.08 + 0.1 * likeness(u, field));
                placed.put(u.key(), new Placed(block.section(), field, block.section().keyOf(field,
                        Math.max(block.person(), 0)), confidence));
                foundKeys.add(field.key());
                next = shaped + 1;
                continue;
            }
            int chosen = -1;
            double chosenScore = 0;
            double secondScore = 0;
            double chosenLike = 0;
            for (int g = next; g < gap.size(); g++) {
                FieldSpec field = fields.get(gap.get(g));
                if (hasParts != field.parts() || combined(field, gap, fields) && !both(value)) {
                    continue;
                }
                double fit = fit(field, value);
                if (fit < 0.5) {
                    continue;
                }
                double like = likeness(u, field);
                double score = fit * (0.5 + like);
                if (score > chosenScore) {
                    secondScore = chosenScore;
                    chosenScore = score;
                    chosen = g;
                    chosenLike = like;
                } else if (score > secondScore) {
                    secondScore = score;
                }
            }
            if (chosen < 0) {
                continue;
            }
            FieldSpec field = fields.get(gap.get(chosen));
            // the only field of its type left, and the only answer of that shape waiting: two dates for one date
            // field ("Referral sent on", "When the harm happened") are for the words to tell apart, not the shape
            boolean typedFit = typed(field) && fit(field, value) >= 1 && gap.stream().skip(next)
                    .filter(f -> fields.get(f).type() == field.type()).count() == 1
                    && shapedAlike(run, field, valuesOf, placed) <= 1;
            boolean likeMost = chosenLike >= 0.35 && chosenScore - secondScore >= 0.15;
            // the only place left, and the label shares a word with the field, or the answer looks like its answer
            // between two recognised neighbours, as many labels as missing fields: each is the field at its place,
            // whatever its words, when its answer fits
            boolean onlyPlace = (exact && (chosenLike > 0 || fit(field, value) >= 1 && typed(field)
                    || ValueShapes.personName(field, value) || between && fit(field, value) >= 1)
                    || single && chosenLike >= 0.2) && chosen == next && !likerElsewhere(u, fields, gap, foundKeys);
            if (!onlyPlace && !typedFit && !likeMost) {
                continue;
            }
            double confidence = Math.min(MOST, PLACED + (onlyPlace ? 0.08 : 0) + (typedFit ? 0.08 : 0)
                    + 0.1 * chosenLike);
            String key = block.section().keyOf(field, Math.max(block.person(), 0));
            placed.put(u.key(), new Placed(block.section(), field, key, confidence));
            foundKeys.add(field.key());
            next = chosen + 1;
        }
    }

    /** How many labels of a run, not yet placed, have an answer of the shape a field of this type takes. */
    private static long shapedAlike(List<Reading.Unknown> run, FieldSpec field, Map<String, List<Located>> valuesOf,
            Map<String, Placed> placed) {
        return run.stream().filter(u -> !placed.containsKey(u.key())).filter(u -> {
            List<Located> values = valuesOf.getOrDefault(u.key(), List.of());
            return values.size() == 1 && !values.get(0).key().contains(".")
                    && !ValueShapes.placeholder(values.get(0).value()) && fit(field, values.get(0).value()) >= 1;
        }).count();
    }

    /**
     * Unknown labels whose answers have a shape only one type of field takes (a date, an NHS number, an age, a
     * telephone number, an email address), where the gap has just as many fields of that type: matched in order.
     */
    private static Map<String, Integer> forcedByShape(List<Reading.Unknown> run, List<Integer> gap,
            List<FieldSpec> fields, Map<String, List<Located>> valuesOf) {
        Map<String, Integer> out = new HashMap<>();
        for (ValueType type : List.of(ValueType.DATE, ValueType.NHS_NUMBER, ValueType.AGE, ValueType.PHONE,
                ValueType.EMAIL)) {
            List<Integer> slots = new ArrayList<>();
            for (int g = 0; g < gap.size(); g++) {
                if (fields.get(gap.get(g)).type() == type) {
                    slots.add(g);
                }
            }
            if (slots.isEmpty()) {
                continue;
            }
            FieldSpec probe = fields.get(gap.get(slots.get(0)));
            List<String> shaped = new ArrayList<>();
            for (Reading.Unknown u : run) {
                List<Located> values = valuesOf.getOrDefault(u.key(), List.of());
                if (values.size() == 1 && !values.get(0).key().contains(".") && !ValueShapes.placeholder(
                        values.get(0).value()) && fit(probe, values.get(0).value()) >= 1) {
                    shaped.add(u.key());
                }
            }
            if (shaped.size() == slots.size()) {
                if (shaped.size() == 2 && swappedByWords(run, shaped, gap, slots, fields)) {
                    // rows moved: "Date of death" above "Date referred", and their words say which is which
                    shaped = List.of(shaped.get(1), shaped.get(0));
                }
                for (int i = 0; i < shaped.size(); i++) {
                    out.put(shaped.get(i), slots.get(i));
                }
            }
        }
        return out;
    }

    /** Whether two labels of one shape are the other way round from their order, by their words' likeness. */
    private static boolean swappedByWords(List<Reading.Unknown> run, List<String> shaped, List<Integer> gap,
            List<Integer> slots, List<FieldSpec> fields) {
        Reading.Unknown a = run.stream().filter(u -> u.key().equals(shaped.get(0))).findFirst().orElseThrow();
        Reading.Unknown b = run.stream().filter(u -> u.key().equals(shaped.get(1))).findFirst().orElseThrow();
        FieldSpec first = fields.get(gap.get(slots.get(0)));
        FieldSpec second = fields.get(gap.get(slots.get(1)));
        double inOrder = likeness(a, first) + likeness(b, second);
        double swapped = likeness(a, second) + likeness(b, first);
        return swapped >= inOrder + 0.15;
    }

    /** The label is plainly like a field outside the gap: its place does not make it one of the gap's. */
    private static boolean likerElsewhere(Reading.Unknown u, List<FieldSpec> fields, List<Integer> gap,
            Set<String> foundKeys) {
        for (SimilarLabels.Match m : u.likeness()) {
            if (m.score() < 0.5) {
                return false;
            }
            int index = fields.indexOf(m.field());
            if (index >= 0 && !gap.contains(index) && !isFound(m.field(), fields, foundKeys)) {
                // like a field of its own section that is still missing, elsewhere in the form order (a field
                // already read, or one of another section, is no rival: "Forename and surname" in a person's block)
                return true;
            }
        }
        return false;
    }

    /** A field that combines others also in the gap ("Contact" beside "Telephone" and "Email"). */
    private static boolean combined(FieldSpec field, List<Integer> gap, List<FieldSpec> fields) {
        if (field.into().isEmpty()) {
            return false;
        }
        return gap.stream().map(fields::get).anyMatch(f -> field.into().containsValue(f.key()));
    }

    private static boolean both(String value) {
        return ValueShapes.fit(new FieldSpec("x", ValueType.EMAIL, false, List.of("x"), false, null), value) >= 1
                && value.matches("(?s).*\\d{3}.*\\d{3}.*");
    }

    private static double fit(FieldSpec field, String value) {
        if (field.type() == ValueType.PHONE && value.contains("@")) {
            return 0.4;
        }
        if (field.type() == ValueType.EMAIL && value.matches("(?s).*\\d{3}.*\\d{3}.*")) {
            return 0.4;
        }
        return ValueShapes.fit(field, value);
    }

    private static boolean typed(FieldSpec field) {
        return switch (field.type()) {
            case DATE, NHS_NUMBER, AGE, PHONE, EMAIL, CONTACT -> true;
            default -> false;
        };
    }

    private static double likeness(Reading.Unknown u, FieldSpec field) {
        for (SimilarLabels.Match m : u.likeness()) {
            if (m.field() == field) {
                return m.score();
            }
        }
        return 0;
    }

    private static boolean isFound(FieldSpec field, List<FieldSpec> fields, Set<String> foundKeys) {
        if (foundKeys.contains(field.key())) {
            return true;
        }
        // a combined field read means its parts are read, and the other way round
        if (field.into().values().stream().anyMatch(foundKeys::contains)) {
            return true;
        }
        return fields.stream().anyMatch(f -> f.into().containsValue(field.key()) && foundKeys.contains(f.key()));
    }

    private Block blockOf(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String sectionKey = key.substring(0, dot);
        for (MappingSection s : mapping.sections()) {
            if (s.key().equals(sectionKey)) {
                if (!s.repeats()) {
                    return new Block(s, -1);
                }
                int next = key.indexOf('.', dot + 1);
                if (next < 0) {
                    return null;
                }
                try {
                    return new Block(s, Integer.parseInt(key.substring(dot + 1, next)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int fieldIndex(MappingSection section, FieldSpec field) {
        return section.fields().indexOf(field);
    }
}
