package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.regex.Pattern;

/**
 * Where a label would end in a line or a cell, when its wording is not one the mapping knows: at the first colon,
 * question mark or tab ("Date of referral to One Panel: 27/4/2026" has the label "Date of referral to One Panel"),
 * or the whole text when it is short and reads like a label rather than an answer. The whole of it is the label:
 * none of its words go into the answer.
 *
 * @param label     the label as written, with its question mark if it has one
 * @param rest      what follows the separator ("" when nothing)
 * @param separated whether a colon, question mark or tab followed the label
 */
record LabelCandidate(String label, String rest, boolean separated) {

    private static final Pattern SENTENCE_BREAK = Pattern.compile("\\p{Ll}{5,}[.!] +\\p{Lu}");

    /** The label a text starts with, or null when the text does not read as a label (with or without an answer). */
    static LabelCandidate of(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 400) {
            return null;
        }
        int end = -1;
        boolean question = false;
        for (int i = 0; i < Math.min(t.length(), 130); i++) {
            char c = t.charAt(i);
            if (c == ':' || c == '\t') {
                end = i;
                break;
            }
            if (c == '?' && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1))
                    || t.charAt(i + 1) == ':')) {
                end = i;
                question = true;
                break;
            }
        }
        if (end > 0) {
            String label = t.substring(0, end + (question ? 1 : 0)).strip();
            String rest = t.substring(end + 1);
            rest = rest.replaceFirst("^[\\s:\\-\u2013]+", "").strip();
            return readsAsLabel(label, 15) ? new LabelCandidate(label, rest, true) : null;
        }
        return readsAsLabel(t, 16) && !t.endsWith(".") ? new LabelCandidate(t, "", false) : null;
    }

    /** Short, mostly letters, not a sentence. */
    static boolean readsAsLabel(String label, int maxWords) {
        if (label.isEmpty() || label.length() > 130 || !Character.isLetter(firstLetterOrDigit(label))) {
            return false;
        }
        if (words(label) > maxWords
                || (label.indexOf('.') >= 0 || label.indexOf('!') >= 0) && SENTENCE_BREAK.matcher(label).find()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits <= 3 && label.indexOf('@') < 0;
    }

    /**
     * How many parts {@code Words.WHITESPACE.split(s)} gives (white space as {@code \\s} means it), without the
     * regular expression: the runs of other characters, and an empty first part when the text starts with a space.
     */
    static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = space(s.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n > 0 && space(s.charAt(0)) ? n + 1 : n;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static char firstLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return c;
            }
            if (c != '(' && c != '*' && c != '"' && c != '\'' && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }
}
