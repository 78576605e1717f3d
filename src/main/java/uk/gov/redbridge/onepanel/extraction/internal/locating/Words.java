package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a label that carry its meaning, in one spelling: lower case, punctuation gone, abbreviations written
 * out ("DOB", "D.O.B." and "DoB" all become "date birth"), small words dropped ("of", "the", "your", "please"),
 * plurals and simple endings taken off ("Forenames" → "forenam", "Lessons learned" → "lesson learn"). Two labels
 * with the same words mean the same thing whatever their spelling, order or punctuation.
 */
final class Words {

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "at",
            "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "this",
            "that", "these", "those", "it", "its", "your", "you", "our", "their", "they", "his", "her", "him", "she",
            "he", "we", "any", "if", "please", "eg", "ie", "etc", "what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "do", "does", "did", "re", "regarding", "relating", "there", "than",
            "then", "also", "all", "some", "such", "i", "me", "my", "will", "would", "can", "could", "should",
            "into", "about", "whether", "so", "very");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\p{L}\\d])((?:\\p{L}\\.){1,4}\\p{L})\\.?(?![\\p{L}\\d])");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\d]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** white space between words, compiled once (String.split compiles it on every call) */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern E_MAIL = Pattern.compile("\\be mail\\b");
    private static final Pattern POST_MORTEM = Pattern.compile("post[- ]?mortem");
    private static final Pattern RELATING_TO = Pattern.compile("\\b(?:in|with) relation to\\b|\\brelating to\\b");
    private static final String[][] SUFFIXES = {{"ments", ""}, {"ment", ""}, {"ings", ""}, {"ing", ""},
        {"ances", ""}, {"ance", ""}, {"ies", "y"}, {"ied", "y"}, {"ed", ""}, {"es", ""}, {"s", ""}};

    /** abbreviation (lower case, dots removed) → the stems of the words it stands for */
    private final Map<String, List<String>> abbreviations = new HashMap<>();
    /** the same, by the stem of the word written out */
    private final Map<String, List<String>> stems = new HashMap<>();

    Words(Map<String, String> abbreviations) {
        for (Map.Entry<String, String> e : abbreviations.entrySet()) {
            List<String> expansion = new ArrayList<>();
            for (String w : tokens(e.getValue())) {
                if (!STOP.contains(w) && w.length() > 1) {
                    expansion.add(stem(w));
                }
            }
            this.abbreviations.put(key(e.getKey()), List.copyOf(expansion));
        }
        // "organisations", "connections": a word with an ending counts as the word
        for (Map.Entry<String, List<String>> e : List.copyOf(this.abbreviations.entrySet())) {
            if (e.getKey().length() > 4) {
                stems.putIfAbsent(stem(e.getKey()), e.getValue());
            }
        }
    }

    /** The meaningful words of a text, in order. */
    List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String token : tokens(text)) {
            List<String> expansion = abbreviations.get(token);
            if (expansion == null && token.length() > 4) {
                expansion = stems.get(stem(token));
            }
            if (expansion != null) {
                out.addAll(expansion);
            } else if (token.length() > 1 && !STOP.contains(token) && !token.chars().allMatch(Character::isDigit)) {
                // numbers ("Person 2", "10 digits") say nothing about what a label asks
                out.add(stem(token));
            }
        }
        return out;
    }

    /** Whether a word is one of the small words that carry no meaning in a label. */
    static boolean stopWord(String lowerCaseWord) {
        return STOP.contains(lowerCaseWord);
    }

    private static String key(String abbreviation) {
        String t = tokensOf(abbreviation.toLowerCase(Locale.ROOT));
        return t.isEmpty() ? abbreviation.toLowerCase(Locale.ROOT) : t;
    }

    private static String tokensOf(String s) {
        List<String> t = tokens(s);
        return t.size() == 1 ? t.get(0) : String.join("", t);
    }

    static List<String> tokens(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        s = POST_MORTEM.matcher(E_MAIL.matcher(s.replace("e-mail", "email")).replaceAll("email"))
                .replaceAll("postmortem").replace("&", " and ").replace("#", " number ").replace("'s", "")
                .replace("(s)", "s");
        // "in relation to others" says whom a part is about; "relation" alone may be a relationship
        s = RELATING_TO.matcher(s).replaceAll(" re ");
        // "D.O.B.", "i.e.", "D.o.B": letters with dots between are one word
        s = DOTTED.matcher(s).replaceAll(m -> m.group(1).replace(".", ""));
        List<String> out = new ArrayList<>();
        for (String t : SPLIT.split(s)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String stem(String word) {
        if (word.equals("learnt") || word.equals("learned") || word.equals("learning")) {
            return "learn";
        }
        String w = word;
        if (w.length() > 4) {
            for (String[] s : SUFFIXES) {
                if (!w.endsWith(s[0]) || w.length() - s[0].length() < 3) {
                    continue;
                }
                if (s[0].equals("s") && (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is"))) {
                    break;
                }
                w = w.substring(0, w.length() - s[0].length()) + s[1];
                break;
            }
        } else if (w.length() == 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, 3);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
