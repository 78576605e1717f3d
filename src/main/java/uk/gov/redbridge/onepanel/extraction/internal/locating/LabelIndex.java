package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;

/**
 * Every label and heading wording of a mapping, folded, for matching at the start of a piece of text. A label
 * matches only whole words ("Name" never matches "Names") and, on strict text, only when followed by nothing, a
 * colon, a dash or a question mark: "Address unknown" is an answer, "Address: unknown" is a label and its answer.
 */
final class LabelIndex {

    /** A label wording: of a field, or of a part of an answer ("Subject:"). */
    record Wording(String folded, String written, int words, MappingSection section, FieldSpec field, String part) {
    }

    /**
     * A label found at the start of a text.
     *
     * @param labelText  the label as written in the document
     * @param rest       what follows the label and its separator ("" when nothing)
     * @param separated  whether a colon, dash or question mark followed the label
     * @param score      1 for an exact wording, less for a loose or approximate match
     */
    record Hit(Wording wording, String labelText, String rest, boolean separated, double score, double similarity) {

        Hit(Wording wording, String labelText, String rest, boolean separated, double score) {
            this(wording, labelText, rest, separated, score, 1.0);
        }

        /** Matched by its words ({@link SimilarLabels}), not letter for letter. */
        boolean similar() {
            return similarity < 1.0;
        }
    }

    /**
     * A heading found: a section, or an item of a repeating section.
     *
     * @param length how much of the text (folded) the heading wording covers
     */
    record Heading(MappingSection section, String role, String written, int length) {
    }

    /** The role of a heading that opens the next item of its section with the role items usually have. */
    static final String NEXT_ITEM = "";

    /** "2.", "3a)", "(b)", "iv.", "Section 5": numbering before a heading */
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:(?i:section|part)\\s+)?"
            + "(?:\\(?(?:\\d{1,2}(?:\\.\\d{1,2})?[a-hA-H]?|[a-hA-H]|(?i:i{1,3}|iv|v|vi{1,3}))\\)?(?:[.):]|\\s*[\\-–])?\\s+)");
    private static final Pattern PARENTHETICAL = Pattern.compile("^\\s*\\(([^()]{0,60})\\)");

    private final List<Wording> labels = new ArrayList<>();
    /** label wordings by their first two letters, longest first: a text is compared with few of them */
    private final java.util.Map<String, List<Wording>> labelsByStart = new java.util.HashMap<>();
    private final List<Wording> parts = new ArrayList<>();
    private final List<Heading> sectionHeadings = new ArrayList<>();
    private final List<String[]> headingFolds = new ArrayList<>();
    private final List<Heading> itemHeadings = new ArrayList<>();
    private final List<String> itemFolds = new ArrayList<>();
    private final SimilarLabels similar;
    private final List<MappingSection> sections;
    /** "5)", "5.", "Section 5 -": a section's number before its heading */
    private static final Pattern MARKED_NUMBERING = Pattern.compile("^\\s*(?:(?i:section|part)\\s+\\d{1,2}"
            + "|\\(?(?:\\d{1,2}[a-hA-H]?|[a-hA-H]|(?i:i{1,3}|iv|vi{0,3}))\\s*[.):\\-–]|\\([a-hA-H\\d]{1,2}\\))");
    private static final Pattern SECTION_NUMBER = Pattern.compile(
            "^\\s*(?:(?i:section|part)\\s+(\\d)\\s*[.):\\-–]?|\\(?(\\d)\\s*[.):\\-–])\\s+");

    /** Label scores remembered for one document's reading, dropped when it is closed. */
    SimilarLabels.Remembering rememberScores() {
        return similar.remembering();
    }

    LabelIndex(FormMapping mapping) {
        this.sections = mapping.sections();
        this.similar = new SimilarLabels(mapping, new Words(mapping.wordEquivalents()));
        for (MappingSection s : mapping.sections()) {
            for (FieldSpec f : s.fields()) {
                for (String label : f.labels()) {
                    labels.add(new Wording(Folded.fold(label), label, words(label), s, f, null));
                }
            }
            for (Map.Entry<String, List<String>> p : s.parts().entrySet()) {
                for (String label : p.getValue()) {
                    parts.add(new Wording(Folded.fold(label), label, words(label), s, null, p.getKey()));
                }
            }
            for (String h : s.headings()) {
                sectionHeadings.add(new Heading(s, null, h, 0));
                headingFolds.add(new String[] {Folded.fold(h)});
            }
            for (MappingSection.Item item : s.items()) {
                for (String h : item.headings()) {
                    itemHeadings.add(new Heading(s, item.role(), h, 0));
                    itemFolds.add(Folded.fold(h));
                }
            }
        }
        Comparator<Wording> longestFirst = Comparator.comparingInt((Wording w) -> w.folded().length()).reversed();
        labels.sort(longestFirst);
        parts.sort(longestFirst);
        for (Wording w : labels) {
            labelsByStart.computeIfAbsent(start(w.folded()), k -> new ArrayList<>()).add(w);
        }
    }

    private static String start(String folded) {
        return folded.length() < 2 ? folded : folded.substring(0, 2);
    }

    /**
     * Field labels at the start of {@code text}, longest first; several when a wording belongs to several fields.
     *
     * @param loose for text read by OCR: a label may run into its answer without a colon, and may be misspelt by a
     *              letter or two ("Relationship to subiect")
     */
    List<Hit> labels(String text, boolean loose) {
        // a line or a cell is matched several times while its place is decided: once per document is enough
        return similar.remembered(loose ? "L" : "l", text, t -> List.copyOf(matchLabels(t, loose)));
    }

    private List<Hit> matchLabels(String text, boolean loose) {
        List<Hit> hits = match(candidates(text), text, loose);
        if (!loose) {
            return hits;
        }
        // OCR: a short label read exactly may be the start of a longer one read with a slip
        List<Hit> near = approximate(labels, text);
        if (hits.isEmpty() || !near.isEmpty() && near.get(0).wording().folded().length()
                > hits.get(0).wording().folded().length() + 2) {
            return near;
        }
        return hits;
    }

    /** The label wordings that could start {@code text}: those sharing its first two letters (and one-letter ones). */
    private List<Wording> candidates(String text) {
        String folded = Folded.fold(text.length() > 80 ? text.substring(0, 80) : text);
        if (folded.length() < 2) {
            return labels;
        }
        List<Wording> out = labelsByStart.getOrDefault(folded.substring(0, 2), List.of());
        List<Wording> single = labelsByStart.get(folded.substring(0, 1));
        if (single == null) {
            return out;
        }
        List<Wording> both = new ArrayList<>(out);
        both.addAll(single);
        return both;
    }

    /**
     * Wordings of eight letters or more that match the start of the text with at most one error in eight letters
     * (OCR drops, doubles and confuses letters, and runs words together); the closest, then the longest, wins.
     */
    private List<Hit> approximate(List<Wording> wordings, String text) {
        Folded folded = Folded.of(text);
        List<Hit> best = new ArrayList<>();
        int bestRank = Integer.MIN_VALUE;
        for (Wording w : wordings) {
            int n = w.folded().length();
            if (n < 8 || folded.length() < n - n / 8 || folded.length() == 0) {
                continue;
            }
            if (folded.text.charAt(0) != w.folded().charAt(0)
                    && (folded.length() < 2 || folded.text.charAt(1) != w.folded().charAt(1))) {
                continue;
            }
            int maxErrors = Math.max(1, n / 8);
            int[] match = prefixDistance(w.folded(), folded.text, maxErrors);
            if (match == null) {
                continue;
            }
            // letters covered, less three for each error: a long label read with a slip beats its short start
            int rank = n - 3 * match[0];
            if (rank < bestRank) {
                continue;
            }
            Hit h = hit(w, text, folded.originalEnd(match[1]), true);
            if (h == null) {
                continue;
            }
            if (rank > bestRank) {
                best.clear();
                bestRank = rank;
            }
            best.add(new Hit(h.wording(), h.labelText(), h.rest(), h.separated(),
                    h.score() * (1.0 - (double) match[0] / n)));
        }
        return best;
    }

    /**
     * The fewest edits that turn {@code pattern} into some prefix of {@code text}, with that prefix's length, or
     * null when more than {@code maxErrors} are needed (a band of the usual edit-distance table).
     */
    static int[] prefixDistance(String pattern, String text, int maxErrors) {
        int n = pattern.length();
        int m = Math.min(text.length(), n + maxErrors);
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        int big = Integer.MAX_VALUE / 4;
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= maxErrors ? j : big;
        }
        for (int i = 1; i <= n; i++) {
            java.util.Arrays.fill(current, big);
            current[0] = i <= maxErrors ? i : big;
            int from = Math.max(1, i - maxErrors);
            int to = Math.min(m, i + maxErrors);
            int rowBest = current[0];
            for (int j = from; j <= to; j++) {
                int cost = pattern.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                int v = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                current[j] = v;
                rowBest = Math.min(rowBest, v);
            }
            if (rowBest > maxErrors) {
                return null;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int best = big;
        int at = -1;
        for (int j = Math.max(0, n - maxErrors); j <= m; j++) {
            // fewest edits; between equals, the prefix as long as the wording ("birtb" is "birth" misread, not
            // "birt" and a stray "b")
            if (previous[j] < best || previous[j] == best && Math.abs(j - n) < Math.abs(at - n)) {
                best = previous[j];
                at = j;
            }
        }
        return best <= maxErrors ? new int[] {best, at} : null;
    }

    // ------------------------------------------------------------------------------------------ similar labels

    /** a label by its words alone: at least this like a field's wording */
    static final double LIKE = 0.75;
    /** a label where a separator or the layout says a label stands: at least this like */
    static final double WEAKLY_LIKE = 0.5;
    /** the best field must be this much more like the label than any other field of its section */
    static final double MARGIN = 0.12;
    /** a field of another section than the one being read counts this much */
    static final double OTHER_SECTION = 0.9;

    /**
     * The field a label not worded as the mapping words it most likely is, by its words ({@link SimilarLabels}): the
     * label ends at the first colon, question mark or tab, or is the whole text ({@link LabelCandidate}). Several
     * hits when equally like fields of several sections ("Date of birth": the subject's or a person's); none when the
     * text does not read as a label, is not like enough, or is as like two fields of one section.
     *
     * @param current    the section being read, or null: its fields are preferred
     * @param labelPlace the layout says a label stands here (a label cell): less likeness is enough
     */
    List<Hit> similar(String text, MappingSection current, boolean labelPlace) {
        LabelCandidate c = LabelCandidate.of(text);
        if (c == null) {
            return List.of();
        }
        List<SimilarLabels.Match> ranked = similar.fields(c.label());
        if (ranked.isEmpty()) {
            return List.of();
        }
        List<SimilarLabels.Match> adjusted = new ArrayList<>();
        for (SimilarLabels.Match m : ranked) {
            double factor = current != null && m.section() != current ? OTHER_SECTION : 1.0;
            adjusted.add(new SimilarLabels.Match(m.section(), m.field(), null, null, m.wording(), m.score() * factor));
        }
        adjusted.sort((a, b) -> Double.compare(b.score(), a.score()));
        SimilarLabels.Match best = adjusted.get(0);
        // a weak likeness is enough only where the layout says a label stands, and only for the section being read:
        // a weak likeness to another section's field is more often an answer that happens to share a word
        boolean weakEnough = (c.separated() || labelPlace) && (current == null || best.section() == current);
        if (best.score() < (weakEnough ? WEAKLY_LIKE : LIKE)) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (SimilarLabels.Match m : adjusted) {
            if (m.score() < best.score() - 1e-9) {
                if (m.section() == best.section() && m.score() > best.score() - MARGIN
                        && !combines(best.field(), m.field()) && !combines(m.field(), best.field())) {
                    // as like two fields of one section: no telling which
                    return List.of();
                }
                continue;
            }
            if (hits.stream().noneMatch(h -> h.wording().section() == m.section())) {
                hits.add(similarHit(m, c));
            }
        }
        return hits;
    }

    /**
     * Whether a heading of the section already being read is rather a question of it ("Agencies involved" heads
     * section 4 on some forms and asks which other agencies were involved on others): within its own section, a
     * heading's wording that is like one of the section's fields is read as that question.
     */
    boolean questionOfItsSection(Heading h, String text, MappingSection current, boolean styled) {
        if (h == null || styled || h.role() != null || h.section() != current || MARKED_NUMBERING.matcher(text)
                .find()) {
            return false;
        }
        for (SimilarLabels.Match m : similar.fields(NUMBERING.matcher(text).replaceFirst(""))) {
            if (m.score() < 0.6) {
                return false;
            }
            if (m.section() == current) {
                return true;
            }
        }
        return false;
    }

    /** Each field's likeness to a label's words, best first: for a label not recognised, what it is most like. */
    List<SimilarLabels.Match> likeness(String label) {
        return similar.fields(label);
    }

    /** Whether one field is split into the other ("Contact" gives "Telephone" and "Email"). */
    private static boolean combines(FieldSpec whole, FieldSpec part) {
        return whole.into().containsValue(part.key());
    }

    private Hit similarHit(SimilarLabels.Match m, LabelCandidate c) {
        Wording w = new Wording(Folded.fold(m.wording()), m.wording(), words(c.label()), m.section(), m.field(), null);
        return new Hit(w, c.label(), c.rest(), c.separated(), confidence(m.score()), Math.min(m.score(), 0.999));
    }

    /** How sure a label found by its words is: a label with all the words of a wording nearly as sure as exact. */
    static double confidence(double similarity) {
        return Math.min(0.95, 0.45 + 0.5 * similarity);
    }

    /** A part label ("Re subject:", "For the family:") by its words; null when none is like enough. */
    Hit similarPart(String text) {
        LabelCandidate c = LabelCandidate.of(text);
        if (c == null || Words.WHITESPACE.split(c.label()).length > 6) {
            return null;
        }
        SimilarLabels.Match m = similar.part(c.label());
        if (m == null || m.score() < LIKE) {
            return null;
        }
        Wording w = new Wording(Folded.fold(m.wording()), m.wording(), words(c.label()), m.section(), null, m.part());
        return new Hit(w, c.label(), c.rest(), c.separated(), confidence(m.score()), Math.min(m.score(), 0.999));
    }

    /**
     * A heading worded otherwise than the mapping's ("Section 4 - Agency contact and involvement", "About you"), by
     * its words: for a text marked as a heading (numbered, styled, or a row of its own) a weaker likeness is enough.
     * Null when the text is more like a field's label than a heading, or has an answer after a colon.
     */
    Heading similarHeading(String text, boolean markedAsHeading) {
        return similarHeading(text, markedAsHeading, null);
    }

    /**
     * As {@link #similarHeading(String, boolean)}, knowing the section being read: the heading of the section that
     * comes next on the form, or of the next person in a section of persons, is expected, so less likeness is
     * enough for it.
     */
    Heading similarHeading(String text, boolean markedAsHeading, MappingSection current) {
        // asked of every cell, and again of a row's cells as person headings: once per document and section
        return similar.remembered("S" + (markedAsHeading ? 'm' : '-') + (current == null ? "" : current.key()) + "\t",
                text, t -> findSimilarHeading(t, markedAsHeading, current));
    }

    private Heading findSimilarHeading(String text, boolean markedAsHeading, MappingSection current) {
        String body = NUMBERING.matcher(text).replaceFirst("");
        // "5 Meads Lane" is an address, "5. Referrer" or "(b) Other person" a numbered heading
        boolean numbered = !body.equals(text) && MARKED_NUMBERING.matcher(text).find();
        String stripped = body.strip();
        if (stripped.isEmpty() || stripped.length() > 90 || Words.WHITESPACE.split(stripped).length > 10) {
            return null;
        }
        if (stripped.indexOf(':') >= 0 || stripped.endsWith("?")) {
            // "Subject:" is a label, "Family and friends: none" a label and its answer
            return null;
        }
        if (!numbered && !markedAsHeading && words(stripped) < 2) {
            return null;
        }
        if (!LabelCandidate.readsAsLabel(stripped, 10) || stripped.endsWith(".")) {
            return null;
        }
        if (current != null && current.repeats() && words(stripped) <= 6) {
            // in a section of persons, a short heading is most likely the next person's ("Relevant other")
            SimilarLabels.Match item = similar.itemHeading(stripped);
            if (item != null && item.section() == current && item.score() >= (numbered || markedAsHeading ? 0.5 : 0.6)
                    && similar.fields(stripped).stream().noneMatch(f -> f.score() >= item.score())) {
                return new Heading(current, item.role(), item.wording(), Folded.fold(stripped).length());
            }
            SimilarLabels.Match again = similar.heading(stripped);
            if (again != null && again.section() == current && again.role() == null && again.score() >= 0.6
                    && (numbered || markedAsHeading)) {
                // the section's own heading, numbered as an item: the next person, of the usual role
                return new Heading(current, NEXT_ITEM, again.wording(), Folded.fold(stripped).length());
            }
        }
        SimilarLabels.Match m = similar.heading(stripped);
        if (m == null) {
            return null;
        }
        int at = current == null ? -1 : sections.indexOf(current);
        boolean expected = sections.indexOf(m.section()) == at + 1 && m.role() == null
                || m.role() != null && m.section() == current && words(stripped) <= 6;
        double need = numbered || markedAsHeading ? 0.6 : expected ? 0.55 : 0.85;
        if (m.score() < need) {
            return null;
        }
        List<SimilarLabels.Match> fields = similar.fields(stripped);
        if (!numbered && !fields.isEmpty() && fields.get(0).score() >= m.score()) {
            return null;
        }
        SimilarLabels.Match part = current != null && !current.parts().isEmpty() ? similar.part(stripped) : null;
        if (part != null && part.score() >= m.score()) {
            // "The subject", "Family": the parts of an answer
            return null;
        }
        return new Heading(m.section(), m.role(), m.wording(), Folded.fold(stripped).length());
    }

    /**
     * A numbered heading whose words are not known ("5) Person completing this form"): the form numbers its sections
     * in order, so a short numbered line with the number of a section after the one being read opens that section.
     */
    Heading numberedHeading(String text, MappingSection current) {
        java.util.regex.Matcher m = SECTION_NUMBER.matcher(text);
        if (!m.find()) {
            return null;
        }
        int number = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        String body = text.substring(m.end()).strip();
        if (number < 1 || number > sections.size() || body.isEmpty() || body.endsWith(".") || body.indexOf(':') >= 0
                || !LabelCandidate.readsAsLabel(body, 8) || body.matches(".*\\d.*")) {
            return null;
        }
        MappingSection section = sections.get(number - 1);
        int at = current == null ? -1 : sections.indexOf(current);
        if (at >= number - 1) {
            return null;
        }
        List<SimilarLabels.Match> fields = similar.fields(body);
        if (at + 1 != number - 1 && !fields.isEmpty() && fields.get(0).score() >= LIKE) {
            return null;
        }
        return new Heading(section, null, body, Folded.fold(body).length());
    }

    /** Part labels ("Subject:", "Others:") at the start of {@code text}: these need a separator or nothing after. */
    List<Hit> parts(String text) {
        return match(parts, text, false);
    }

    private List<Hit> match(List<Wording> wordings, String text, boolean loose) {
        Folded folded = Folded.of(text);
        List<Hit> hits = new ArrayList<>();
        int best = -1;
        for (Wording w : wordings) {
            if (best > 0 && w.folded().length() < best) {
                break;
            }
            if (w.folded().isEmpty() || !folded.text.startsWith(w.folded())) {
                continue;
            }
            int end = folded.originalEnd(w.folded().length());
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            Hit hit = hit(w, text, end, loose);
            if (hit != null) {
                hits.add(hit);
                best = w.folded().length();
            }
        }
        return hits;
    }

    private static Hit hit(Wording w, String text, int end, boolean loose) {
        String label = text.substring(0, end);
        String rest = text.substring(end);
        // "(if applicable)", "(dd/mm/yyyy)": part of the label
        Matcher paren = PARENTHETICAL.matcher(rest);
        if (paren.find()) {
            label = text.substring(0, end + paren.end());
            rest = rest.substring(paren.end());
        }
        // the punctuation after the label: "Date of birth:", "Internal review?", "...as a result.:"
        int i = 0;
        boolean separated = false;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '\t') {
                // "First name<tab>Jane": a tab lines answers up after their labels
                separated = true;
                i++;
            } else if (Character.isWhitespace(c) || c == '.' || c == ',' || c == ')' || c == ']' || c == '}'
                    || (loose && c == '|')) {
                // OCR reads a letter i or l as a bar: not a separator there
                i++;
            } else if (c == ':' || c == '-' || c == '\u2013' || c == '\u2014' || c == '?' || c == '=' || c == '>'
                    || c == '|' || c == ';') {
                separated = true;
                i++;
            } else {
                break;
            }
        }
        String value = rest.substring(i).strip();
        if (value.isEmpty()) {
            return new Hit(w, label.strip(), "", separated, 1.0);
        }
        if (separated) {
            return new Hit(w, label.strip(), value, true, 1.0);
        }
        if (w.field() != null && w.field().parts() && startsWithPart(w.section(), value)) {
            // "Details of original referral/contact with agency Subject:" — the question, then its first part
            return new Hit(w, label.strip(), value, false, 1.0);
        }
        if (loose && w.folded().length() >= 2) {
            return new Hit(w, label.strip(), value, false, 0.9);
        }
        return null;
    }

    private static boolean startsWithPart(MappingSection section, String text) {
        String folded = Folded.fold(text);
        for (List<String> wordings : section.parts().values()) {
            for (String p : wordings) {
                String f = Folded.fold(p);
                if (!f.isEmpty() && folded.startsWith(f) && text.strip().matches("(?s)[^:]{0,30}:.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The section or item heading that {@code text} is, if any; not when a field label covers as much of the text
     * ("Reason for referral" is a label even where a form calls its first section that).
     */
    Heading heading(String text, boolean styledAsHeading) {
        return heading(text, styledAsHeading, false);
    }

    /** As {@link #heading(String, boolean)}; for OCR text, a heading misread by a letter or two still counts. */
    Heading heading(String text, boolean styledAsHeading, boolean loose) {
        return similar.remembered("H" + (styledAsHeading ? 's' : '-') + (loose ? 'l' : '-'), text,
                t -> findHeading(t, styledAsHeading, loose));
    }

    private Heading findHeading(String text, boolean styledAsHeading, boolean loose) {
        Heading h = headingOnly(text, styledAsHeading);
        if (h != null && !loose) {
            // a wording that starts the heading but leaves words over ("Person 1 - next of kin" starts with
            // "Person"): the heading's words as a whole may say otherwise
            String body = NUMBERING.matcher(text).replaceFirst("");
            if (Folded.fold(body).length() > h.length() + 2) {
                SimilarLabels.Match m = similar.heading(body);
                if (m != null && m.score() >= 0.75 && (!java.util.Objects.equals(m.role(), h.role())
                        || m.section() != h.section())) {
                    h = new Heading(m.section(), m.role(), m.wording(), Folded.fold(body).length());
                }
            }
        }
        if (h == null && loose) {
            h = approximateHeading(text);
        }
        if (h == null) {
            return null;
        }
        List<Hit> hits = labels(text, false);
        if (!hits.isEmpty() && Folded.fold(hits.get(0).labelText()).length() >= h.length()) {
            return null;
        }
        return h;
    }

    private Heading headingOnly(String text, boolean styledAsHeading) {
        String body = NUMBERING.matcher(text).replaceFirst("");
        Folded folded = Folded.of(body);
        if (folded.length() == 0) {
            return null;
        }
        Heading best = null;
        int bestLength = 0;
        for (int i = 0; i < sectionHeadings.size(); i++) {
            String h = headingFolds.get(i)[0];
            if (h.length() > bestLength && accepts(folded, body, h, styledAsHeading)) {
                best = sectionHeadings.get(i);
                bestLength = h.length();
            }
        }
        for (int i = 0; i < itemHeadings.size(); i++) {
            String h = itemFolds.get(i);
            if (h.length() > bestLength && accepts(folded, body, h, styledAsHeading)) {
                best = itemHeadings.get(i);
                bestLength = h.length();
            }
        }
        return best == null ? null : new Heading(best.section(), best.role(), best.written(), bestLength);
    }

    private Heading approximateHeading(String text) {
        // OCR of a shaded bar: "4-Agency involvement withthe subjectand elevantothers"
        String body = text.replaceFirst("^[^\\p{L}]*(?:\\d{1,2}\\s*[.):\\-]?\\s*)?[^\\p{L}]*", "");
        String folded = Folded.fold(body);
        Heading best = null;
        double bestScore = 0;
        for (int i = 0; i < sectionHeadings.size() + itemHeadings.size(); i++) {
            boolean section = i < sectionHeadings.size();
            Heading h = section ? sectionHeadings.get(i) : itemHeadings.get(i - sectionHeadings.size());
            String f = section ? headingFolds.get(i)[0] : itemFolds.get(i - sectionHeadings.size());
            if (f.length() < 10 || Math.abs(folded.length() - f.length()) > Math.max(2, f.length() / 6)) {
                continue;
            }
            int[] match = prefixDistance(f, folded, Math.max(1, f.length() / 8));
            if (match == null || folded.length() - match[1] > 3) {
                continue;
            }
            double score = 1.0 - (double) match[0] / f.length();
            if (score > bestScore) {
                bestScore = score;
                best = new Heading(h.section(), h.role(), h.written(), f.length());
            }
        }
        return best;
    }

    private static boolean accepts(Folded folded, String body, String heading, boolean styled) {
        if (!folded.text.startsWith(heading)) {
            return false;
        }
        int end = folded.originalEnd(heading.length());
        if (end < body.length() && Character.isLetterOrDigit(body.charAt(end))) {
            return false;
        }
        String rest = body.substring(end).strip();
        if (rest.isEmpty() || rest.startsWith("(")) {
            return true;
        }
        if (rest.startsWith(":") && rest.length() > 1) {
            // "Next of kin: Jane Smith" is a label with its answer, not a heading
            return false;
        }
        int extra = folded.length() - heading.length();
        return extra <= (styled ? 60 : 12);
    }

    private static final Pattern SPACES_OR_SLASHES = Pattern.compile("[\\s/]+");

    private static int words(String s) {
        return SPACES_OR_SLASHES.split(s.strip()).length;
    }
}
