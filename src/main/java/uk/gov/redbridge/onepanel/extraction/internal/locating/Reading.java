package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.layout.TableBlock;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;

/**
 * The state of reading one document against one mapping: the section and person being read, the question whose
 * parts are being answered, and the values found so far.
 */
final class Reading {

    /** The field of a label the mapping does not know, until its place in its section says which it is. */
    static final FieldSpec UNKNOWN = new FieldSpec("?", ValueType.LONG_TEXT, false, List.of("?"), true, null);

    /**
     * A label not recognised, with what it is most like and where it stood: the section and person being read.
     *
     * @param likeness each field's likeness to the label's words, best first
     */
    record Unknown(int id, MappingSection section, int person, String label, List<SimilarLabels.Match> likeness) {

        String key() {
            return "?" + id;
        }
    }

    final FormMapping mapping;
    final Vocabulary vocabulary;
    final LabelIndex index;
    private final TableReading tables;
    final boolean loose;
    final List<Located> found = new ArrayList<>();
    final Map<Integer, String> roles = new HashMap<>();
    final Map<Integer, Double> roleScores = new HashMap<>();
    /** persons whose role no heading gave */
    private final Set<Integer> defaultRoles = new HashSet<>();
    MappingSection section;
    int person = -1;
    final Set<String> personFields = new HashSet<>();
    FieldSpec topic;
    MappingSection topicSection;
    String topicLabel;
    double topicScore = 1.0;
    /** the key the parts of the question being read go under: the field's, or an unknown label's */
    String topicKey;
    final List<Unknown> unknowns = new ArrayList<>();
    boolean ended;
    /** the last field resolved from a wording shared by several sections, for late correction */
    Target lastAmbiguous;
    List<LabelIndex.Hit> lastAmbiguousHits;
    int lastAmbiguousFound = -1;

    Reading(FormMapping mapping, Vocabulary vocabulary, boolean loose) {
        this.mapping = mapping;
        this.vocabulary = vocabulary;
        this.index = vocabulary.index;
        this.loose = loose;
        this.tables = new TableReading(this);
    }

    /** A reader of paragraphs: for the document ({@code inCell} false) or for one table cell. */
    Lines lines(boolean inCell) {
        return new Lines(this, inCell);
    }

    void table(TableBlock table) {
        tables.table(table);
    }

    // ---------------------------------------------------------------------------------------------- headings

    void heading(LabelIndex.Heading h) {
        topic = null;
        if (h.role() == null) {
            section = h.section();
        } else {
            section = h.section();
            startItem(h.role(), 1.0);
        }
        lastAmbiguous = null;
    }

    void startItem(String role, double score) {
        if (LabelIndex.NEXT_ITEM.equals(role)) {
            role = null;
            score = Math.min(score, 0.9);
        }
        person++;
        personFields.clear();
        if (role == null) {
            defaultRoles.add(person);
        }
        String r = role != null ? role
                : person == 0 || roles.isEmpty() ? orDefault(section.firstRole(), section.role())
                : section.role();
        roles.put(person, r == null ? "" : r);
        roleScores.put(person, score);
    }

    private String orDefault(String a, String b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------------------------------------- labels

    /** Decides which field a label is, moving to its section when it belongs to one section only. */
    Target resolve(List<LabelIndex.Hit> hits, Origin origin) {
        LabelIndex.Hit chosen = null;
        boolean ambiguous = hits.stream().map(h -> h.wording().section()).distinct().count() > 1
                || hits.size() > 1;
        if (section != null) {
            for (LabelIndex.Hit h : hits) {
                if (h.wording().section() == section) {
                    chosen = h;
                    break;
                }
            }
        }
        double contextFactor = 1.0;
        if (chosen == null && section != null) {
            chosen = namesakeHere(hits);
            if (chosen != null) {
                contextFactor = 0.9;
            }
        }
        if (chosen == null) {
            if (!ambiguous) {
                chosen = hits.get(0);
            } else {
                // sections come in form order: prefer the first one after the current section
                int current = section == null ? -1 : mapping.sections().indexOf(section);
                for (LabelIndex.Hit h : hits) {
                    if (mapping.sections().indexOf(h.wording().section()) > current) {
                        chosen = h;
                        break;
                    }
                }
                if (chosen == null) {
                    chosen = hits.get(0);
                }
                contextFactor = 0.85;
            }
        } else if (ambiguous) {
            contextFactor = 0.97;
        }
        MappingSection target = chosen.wording().section();
        if (target != section) {
            correctLastAmbiguous(target);
            section = target;
            topic = null;
        }
        FieldSpec field = chosen.wording().field();
        String key = field.key();
        if (section.repeats()) {
            if (person < 0 || personFields.contains(field.key())) {
                startItem(null, 0.9);
            }
            key = section.keyOf(field, person);
        }
        if (field.parts()) {
            topic = field;
            topicSection = section;
            topicLabel = chosen.labelText();
            topicScore = chosen.score() * contextFactor;
            topicKey = field.key();
        } else {
            topic = null;
        }
        Target t = new Target(section, field, key, chosen.labelText(), origin, chosen.score() * contextFactor,
                chosen.similar());
        if (ambiguous) {
            lastAmbiguous = t;
            lastAmbiguousHits = hits;
            lastAmbiguousFound = found.size();
        } else {
            lastAmbiguous = null;
        }
        return t;
    }

    /**
     * A wording of an earlier section's field read inside a later section that has a field of the same name ("Current
     * address" among a person's details): sections come in form order, so without a heading the label is this
     * section's field of that name, not a step back to the earlier section.
     */
    private LabelIndex.Hit namesakeHere(List<LabelIndex.Hit> hits) {
        int current = mapping.sections().indexOf(section);
        for (LabelIndex.Hit h : hits) {
            if (h.wording().field() == null || mapping.sections().indexOf(h.wording().section()) >= current) {
                return null;
            }
        }
        String name = lastPart(hits.get(0).wording().field().key());
        for (FieldSpec f : section.fields()) {
            if (lastPart(f.key()).equals(name) && f.type() == hits.get(0).wording().field().type()) {
                LabelIndex.Wording w = hits.get(0).wording();
                return new LabelIndex.Hit(new LabelIndex.Wording(w.folded(), w.written(), w.words(), section, f, null),
                        hits.get(0).labelText(), hits.get(0).rest(), hits.get(0).separated(), hits.get(0).score(),
                        hits.get(0).similarity());
            }
        }
        return null;
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /**
     * A label of one section only, right after an ambiguous label read in another section, shows the
     * ambiguous one belonged there too (a "Name" just before "Agency" is the referrer's, even without the
     * "Referrer details" heading).
     */
    private void correctLastAmbiguous(MappingSection newSection) {
        if (lastAmbiguous == null || lastAmbiguous.section() == newSection) {
            return;
        }
        for (LabelIndex.Hit h : lastAmbiguousHits) {
            if (h.wording().section() == newSection && !newSection.repeats()) {
                String newKey = h.wording().field().key();
                for (int i = lastAmbiguousFound; i < found.size(); i++) {
                    Located l = found.get(i);
                    if (l.key().equals(lastAmbiguous.key())) {
                        found.set(i, new Located(newKey, h.wording().field(), l.value(), l.label(), l.origin(),
                                l.labelScore() * 0.9, l.placement()));
                    }
                }
                break;
            }
        }
        lastAmbiguous = null;
    }

    /**
     * A label the mapping does not know ("Pronouns:", "Safeguarding status"): its answer is kept apart, with the
     * section and person it was read in, until {@link StructureAlignment} finds which field, if any, its place
     * makes it. Parts of its answer ("Subject:", "Others:") go with it.
     */
    Target unknown(String label, Origin origin) {
        if (section != null && section.repeats() && person < 0) {
            startItem(null, 0.9);
        }
        return unknownFor(label, origin, section != null && section.repeats() ? person : -1);
    }

    /** As {@link #unknown}, for a given person of a section of persons (persons in columns). */
    Target unknownFor(String label, Origin origin, int forPerson) {
        return unknownFor(label, origin, forPerson, section);
    }

    private static int personOf(String key) {
        String[] parts = key.split("\\.");
        try {
            return parts.length > 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Target unknownFor(String label, Origin origin, int forPerson, MappingSection in) {
        Unknown u = register(label, forPerson, in);
        lastAmbiguous = null;
        if (section != null && !section.parts().isEmpty()) {
            topic = UNKNOWN;
            topicSection = section;
            topicLabel = label;
            topicScore = 1.0;
            topicKey = u.key();
        } else {
            topic = null;
        }
        return new Target(section, UNKNOWN, u.key(), label, origin, 1.0);
    }

    private Unknown register(String label, int forPerson, MappingSection in) {
        Unknown u = new Unknown(unknowns.size(), in, forPerson, label, index.likeness(label));
        unknowns.add(u);
        return u;
    }

    /** Whether the question being read already has this part's answer (read, or being read). */
    boolean partAnswered(String part, Target pending) {
        if (topic == null) {
            return false;
        }
        String key = topicKey + "." + part;
        return pending != null && pending.key().equals(key) || found.stream().anyMatch(l -> l.key().equals(key));
    }

    Target part(LabelIndex.Hit hit, Origin origin) {
        if (topic == null) {
            return null;
        }
        String key = topicKey + "." + hit.wording().part();
        return new Target(topicSection, topic, key, topicLabel + " / " + hit.labelText(), origin,
                hit.score() * topicScore);
    }

    /**
     * Whether a label not recognised is more like a field of the section being read that has no answer yet (other
     * than {@code except}) than not at all: inside a long answer, only such a label ends it.
     */
    boolean likeAMissingField(String label, FieldSpec except, double atLeast) {
        if (section == null) {
            return false;
        }
        for (SimilarLabels.Match m : index.likeness(label)) {
            if (m.score() < atLeast) {
                break;
            }
            if (m.section() == section && m.field() != except && !answered(m.field())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label is at least this like some field of the form. */
    boolean likeAnyField(String label, double atLeast) {
        List<SimilarLabels.Match> likeness = index.likeness(label);
        return !likeness.isEmpty() && likeness.get(0).score() >= atLeast;
    }

    private boolean answered(FieldSpec field) {
        String key = section.keyOf(field, Math.max(person, 0));
        return found.stream().anyMatch(l -> l.key().equals(key) || l.key().startsWith(key + "."));
    }

    boolean partsPossible() {
        return topic != null;
    }

    // ---------------------------------------------------------------------------------------------- values

    void emit(Target t, List<String> lines, Placement placement, Origin valueOrigin) {
        String value = vocabulary.clean(lines, t.field().type());
        if (value.isBlank()) {
            return;
        }
        String key = t.key();
        if (t.byWords() && t.field() != UNKNOWN && ValueShapes.fit(t.field(), value) < 0.5) {
            // "Why is this case being referred?" was more like the referral date than its reason, but a date has
            // not this shape: the label is left for its place in the form to decide
            Unknown u = register(t.label(), t.section() != null && t.section().repeats() ? personOf(key) : -1,
                    t.section());
            found.add(new Located(u.key(), UNKNOWN, vocabulary.clean(lines, UNKNOWN.type()), t.label(),
                    valueOrigin != null ? valueOrigin : t.origin(), 1.0, placement));
            return;
        }
        if (t.field() == UNKNOWN) {
            found.add(new Located(key, t.field(), value, t.label(), valueOrigin != null ? valueOrigin : t.origin(),
                    t.score(), placement));
            return;
        }
        if (t.field().parts() && key.equals(t.field().key())) {
            // an answer to a question asked in parts, given without part labels
            String dflt = t.section().defaultPart();
            key = key + "." + (dflt == null ? "subject" : dflt);
        }
        if (t.section().repeats()) {
            personFields.add(t.field().key());
        }
        Origin where = valueOrigin != null ? valueOrigin : t.origin();
        found.add(new Located(key, t.field(), value, t.label(), where, t.score(), placement));
    }

    LocatedForm result(boolean titleSeen) {
        // labels not recognised: what their place in their section makes them, or nothing
        List<Located> found = new StructureAlignment(mapping, vocabulary).assign(this.found, unknowns);
        // persons: drop blocks with nothing in them, number the rest 0.. in form order, add each role
        Map<Integer, Integer> renumber = new TreeMap<>();
        for (Located l : found) {
            Integer item = itemIndex(l.key());
            if (item != null) {
                renumber.putIfAbsent(item, 0);
            }
        }
        int next = 0;
        for (Map.Entry<Integer, Integer> e : renumber.entrySet()) {
            e.setValue(next++);
        }
        MappingSection persons = mapping.sections().stream().filter(MappingSection::repeats).findFirst().orElse(null);
        if (!renumber.isEmpty() && persons != null && persons.firstRole() != null) {
            // the first person with anything in them, not headed otherwise, has the first role, even when a block
            // before them was left blank
            int first = renumber.keySet().iterator().next();
            if (first > 0 && defaultRoles.contains(first)) {
                roles.put(first, persons.firstRole());
            }
        }
        List<Located> out = new ArrayList<>();
        Map<String, Located> byKey = new LinkedHashMap<>();
        for (Located l : found) {
            Located k = l;
            Integer item = itemIndex(l.key());
            if (item != null) {
                String rest = l.key().substring(l.key().indexOf('.', l.key().indexOf('.') + 1));
                k = l.withKey(l.key().substring(0, l.key().indexOf('.')) + "." + renumber.get(item) + rest);
            }
            Located previous = byKey.get(k.key());
            if (previous == null || k.labelScore() > previous.labelScore() + 0.05) {
                byKey.put(k.key(), k);
            }
        }
        out.addAll(byKey.values());
        MappingSection repeating = mapping.sections().stream().filter(MappingSection::repeats).findFirst()
                .orElse(null);
        if (repeating != null) {
            for (Map.Entry<Integer, Integer> e : renumber.entrySet()) {
                String role = roles.getOrDefault(e.getKey(), "");
                if (!role.isEmpty()) {
                    Located first = out.stream().filter(l -> l.key().startsWith(repeating.key() + "."
                            + e.getValue() + ".")).findFirst().orElse(null);
                    out.add(new Located(repeating.key() + "." + e.getValue() + ".role",
                            new FieldSpec("role", ValueType.TEXT, false, List.of("role"), false, null), role,
                            "(heading)", first == null ? null : first.origin(),
                            roleScores.getOrDefault(e.getKey(), 0.9), Placement.INLINE));
                }
            }
        }
        Set<String> sections = new LinkedHashSet<>();
        for (Located l : out) {
            sections.add(l.key().substring(0, l.key().indexOf('.')));
        }
        return new LocatedForm(mapping, out, sections, titleSeen);
    }

    private Integer itemIndex(String key) {
        for (MappingSection s : mapping.sections()) {
            if (s.repeats() && key.startsWith(s.key() + ".")) {
                String n = key.substring(s.key().length() + 1, key.indexOf('.', s.key().length() + 1));
                return Integer.parseInt(n);
            }
        }
        return null;
    }
}
