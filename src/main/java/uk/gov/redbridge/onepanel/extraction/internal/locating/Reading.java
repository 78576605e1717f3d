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

    final FormMapping mapping;
    final Vocabulary vocabulary;
    final LabelIndex index;
    private final TableReading tables;
    final boolean loose;
    final List<Located> found = new ArrayList<>();
    final Map<Integer, String> roles = new HashMap<>();
    final Map<Integer, Double> roleScores = new HashMap<>();
    MappingSection section;
    int person = -1;
    final Set<String> personFields = new HashSet<>();
    FieldSpec topic;
    MappingSection topicSection;
    String topicLabel;
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
        person++;
        personFields.clear();
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
        } else {
            topic = null;
        }
        Target t = new Target(section, field, key, chosen.labelText(), origin, chosen.score() * contextFactor);
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

    Target part(LabelIndex.Hit hit, Origin origin) {
        if (topic == null) {
            return null;
        }
        String key = topic.key() + "." + hit.wording().part();
        return new Target(topicSection, topic, key, topicLabel + " / " + hit.labelText(), origin,
                hit.score());
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
