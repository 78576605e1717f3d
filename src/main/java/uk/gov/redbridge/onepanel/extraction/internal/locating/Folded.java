package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.text.Normalizer;

/**
 * Text reduced to lower-case letters and digits, so that "D.O.B." and "DOB", or "School / college" and
 * "School/College", compare equal; keeps where each kept character came from in the original.
 */
final class Folded {

    final String text;
    /** for each folded character, the index in the original just after the character it came from */
    private final int[] ends;

    private Folded(String text, int[] ends) {
        this.text = text;
        this.ends = ends;
    }

    static Folded of(String original) {
        StringBuilder sb = new StringBuilder(original.length());
        int[] ends = new int[original.length() * 3 + 1];
        int n = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    sb.append((char) (c + 32));
                    ends[n++] = i + 1;
                } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    sb.append(c);
                    ends[n++] = i + 1;
                } else if (c == '&') {
                    sb.append("and");
                    ends[n++] = i + 1;
                    ends[n++] = i + 1;
                    ends[n++] = i + 1;
                }
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            for (int j = 0; j < base.length(); j++) {
                char b = Character.toLowerCase(base.charAt(j));
                if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
                    sb.append(b);
                    ends[n++] = i + 1;
                } else if (Character.isLetterOrDigit(b)) {
                    sb.append(b);
                    ends[n++] = i + 1;
                }
            }
        }
        return new Folded(sb.toString(), java.util.Arrays.copyOf(ends, n));
    }

    static String fold(String s) {
        return of(s).text;
    }

    /** The index in the original just after the first {@code foldedLength} folded characters. */
    int originalEnd(int foldedLength) {
        return foldedLength == 0 ? 0 : ends[foldedLength - 1];
    }

    int length() {
        return text.length();
    }
}
