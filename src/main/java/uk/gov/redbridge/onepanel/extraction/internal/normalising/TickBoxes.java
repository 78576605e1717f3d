package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers given by ticking: "☐ Yes ☒ No" is "No". Readers turn every kind of check box into ☒ or ☐; typed marks such
 * as "[X] Yes [ ] No" are read too.
 */
public final class TickBoxes {

    private static final String CHECKED = "☒☑✓✔✗✘";
    private static final String UNCHECKED = "☐□";

    private TickBoxes() {
    }

    /** Whether the text holds tick boxes at all. */
    public static boolean present(String text) {
        return text != null && (containsAny(text, CHECKED + UNCHECKED) || text.matches("(?s).*\\[\\s*[xX✓ ]?\\s*\\].*"));
    }

    /**
     * The labels of the ticked boxes, joined by ", "; empty when boxes are there but none is ticked; the text itself
     * when it has no boxes.
     */
    public static String resolve(String text) {
        if (!present(text)) {
            return text;
        }
        String s = text.replaceAll("\\[\\s*[xX✓]\\s*\\]", "☒").replaceAll("\\[\\s*\\]", "☐");
        // boxes before their labels ("☒ Yes") or after them ("Yes ☒")
        boolean before = s.strip().length() > 0 && containsAny(s.strip().substring(0, 1), CHECKED + UNCHECKED);
        List<String> ticked = new ArrayList<>();
        List<int[]> boxes = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (CHECKED.indexOf(c) >= 0) {
                boxes.add(new int[] {i, 1});
            } else if (UNCHECKED.indexOf(c) >= 0) {
                boxes.add(new int[] {i, 0});
            }
        }
        for (int b = 0; b < boxes.size(); b++) {
            if (boxes.get(b)[1] == 0) {
                continue;
            }
            int at = boxes.get(b)[0];
            String label;
            if (before) {
                int end = b + 1 < boxes.size() ? boxes.get(b + 1)[0] : s.length();
                label = s.substring(at + 1, end);
            } else {
                int start = b > 0 ? boxes.get(b - 1)[0] + 1 : 0;
                label = s.substring(start, at);
            }
            label = label.replaceAll("\\s+", " ").strip().replaceAll("^[/,;:\\-]+|[/,;:\\-]+$", "").strip();
            if (!label.isEmpty()) {
                ticked.add(label);
            }
        }
        return String.join(", ", ticked);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
