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
    record Hit(Wording wording, String labelText, String rest, boolean separated, double score) {
    }

    /**
     * A heading found: a section, or an item of a repeating section.
     *
     * @param length how much of the text (folded) the heading wording covers
     */
    record Heading(MappingSection section, String role, String written, int length) {
    }

    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:(?i:section|part)\\s+)?(?:\\(?(?:\\d{1,2}(?:\\.\\d{1,2})?[a-hA-H]?|[a-hA-H]|(?i:i{1,3}|iv|v|vi{1,3}))\\)?[.):]?\\s+)");
    private static final Pattern PARENTHETICAL = Pattern.compile("^\\s*\\(([^()]{0,60})\\)");

    private final List<Wording> labels = new ArrayList<>();
    private final List<Wording> parts = new ArrayList<>();
    private final List<Heading> sectionHeadings = new ArrayList<>();
    private final List<String[]> headingFolds = new ArrayList<>();
    private final List<Heading> itemHeadings = new ArrayList<>();
    private final List<String> itemFolds = new ArrayList<>();

    LabelIndex(FormMapping mapping) {
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
    }

    /** Field labels at the start of {@code text}, longest first; several when a wording belongs to several fields. */
    List<Hit> labels(String text, boolean loose) {
        return match(labels, text, loose);
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
            if (Character.isWhitespace(c) || c == '.' || c == ',') {
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
        Heading h = headingOnly(text, styledAsHeading);
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

    private static int words(String s) {
        return s.strip().split("[\\s/]+").length;
    }
}
