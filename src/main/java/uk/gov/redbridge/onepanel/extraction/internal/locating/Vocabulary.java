package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;

/**
 * The words of a mapping besides its labels: template prompts that mean "blank", guidance that is never an answer,
 * sign-offs that end a form, title phrases; and how an answer's lines become its text.
 */
final class Vocabulary {

    static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
    /** spaces but not tabs: a tab after a label separates it from its answer */
    static final Pattern SPACES_BUT_TABS = Pattern.compile("[ \\u00A0\\u2007\\u202F]+");

    final LabelIndex index;
    private final List<String> placeholders;
    private final List<String> boilerplate;
    private final List<String> signOffs;
    private final List<String> titles;

    Vocabulary(FormMapping mapping) {
        this.index = new LabelIndex(mapping);
        this.placeholders = mapping.placeholders().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.boilerplate = mapping.boilerplate().stream().map(Folded::fold).toList();
        this.signOffs = mapping.signOffs().stream().map(Folded::fold).toList();
        this.titles = mapping.recognition().titlePhrases().stream().map(Folded::fold).toList();
    }

    /** Whether one of the form's title phrases is in the text. */
    boolean titleIn(String text) {
        String all = Folded.fold(text);
        return titles.stream().anyMatch(all::contains);
    }

    boolean isPlaceholder(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (String p : placeholders) {
            if (t.equals(p)) {
                return true;
            }
        }
        return false;
    }

    boolean isBoilerplate(String folded) {
        for (String b : boilerplate) {
            if (!b.isEmpty() && folded.startsWith(b)) {
                return true;
            }
        }
        return false;
    }

    boolean isSignOff(String folded) {
        for (String s : signOffs) {
            if (!s.isEmpty() && folded.startsWith(s) && folded.length() <= s.length() + 40) {
                return true;
            }
        }
        return false;
    }

    String clean(List<String> lines, ValueType type) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String l = line;
            for (String p : placeholders) {
                int i = l.toLowerCase(Locale.ROOT).indexOf(p);
                if (i >= 0 && p.length() > 6) {
                    l = l.substring(0, i) + l.substring(i + p.length());
                }
            }
            l = SPACES.matcher(l).replaceAll(" ").strip();
            if (isPlaceholder(l)) {
                l = "";
            }
            kept.add(l);
        }
        // trim blank lines at both ends
        while (!kept.isEmpty() && kept.get(0).isEmpty()) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        if (type.longText()) {
            StringBuilder sb = new StringBuilder();
            boolean gap = false;
            for (String l : kept) {
                if (l.isEmpty()) {
                    gap = true;
                    continue;
                }
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(l);
                gap = false;
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (String l : kept) {
            if (l.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                char last = sb.charAt(sb.length() - 1);
                sb.append(last == ',' || last == ';' || last == '/' || last == '-' || last == ':' ? " " : ", ");
            }
            sb.append(l);
        }
        return sb.toString();
    }
}
