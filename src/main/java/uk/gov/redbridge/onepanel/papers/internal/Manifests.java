package uk.gov.redbridge.onepanel.papers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.gov.redbridge.onepanel.papers.AgendaLine;

/**
 * A pack's manifest (a line per agenda item, form, document and return state) and the changes between two of them
 * in words for the members: references, agency codes and counts, never file names or personal data.
 */
final class Manifests {

    private Manifests() {
    }

    static String itemLine(AgendaLine line) {
        return String.join("\t", "ITEM", line.referral() == null ? line.title() : line.referral().toString(),
                line.title());
    }

    static List<String> changes(String before, String after) {
        Set<String> old = lines(before);
        Set<String> now = lines(after);
        List<String> out = new ArrayList<>();
        for (String line : now) {
            if (!old.contains(line) && line.startsWith("ITEM\t")) {
                out.add("Item added to the agenda: " + line.split("\t", -1)[2]);
            }
        }
        for (String line : old) {
            if (!now.contains(line) && line.startsWith("ITEM\t")) {
                out.add("Item taken off the agenda: " + line.split("\t", -1)[2]);
            }
        }
        Map<String, String> oldReturns = returns(old);
        Map<String, String> newReturns = returns(now);
        for (Map.Entry<String, String> e : newReturns.entrySet()) {
            String was = oldReturns.get(e.getKey());
            String[] key = e.getKey().split("\t");
            if (was == null && !hasItem(old, key[0]) || was != null && was.equals(e.getValue())) {
                continue;
            }
            out.add(key[0] + ": " + (was == null ? "request to " + key[1] + " added (" + words(e.getValue()) + ")"
                    : "return from " + key[1] + " now " + words(e.getValue()) + " (was " + words(was) + ")"));
        }
        Map<String, Integer> added = documents(now, old);
        added.forEach((key, count) -> {
            String[] k = key.split("\t");
            if (hasItem(old, k[0])) {
                out.add(k[0] + ": " + count + (count == 1 ? " document" : " documents") + " added "
                        + ("referral".equals(k[1]) ? "to the referral" : "to the return from " + k[1]));
            }
        });
        Map<String, Integer> removed = documents(old, now);
        removed.forEach((key, count) -> {
            String[] k = key.split("\t");
            if (hasItem(now, k[0])) {
                out.add(k[0] + ": " + count + (count == 1 ? " document" : " documents") + " no longer held "
                        + ("referral".equals(k[1]) ? "with the referral" : "with the return from " + k[1]));
            }
        });
        for (String line : now) {
            if (line.startsWith("LINK\t") && !old.contains(line)) {
                String[] p = line.split("\t");
                if (hasItem(old, p[1])) {
                    boolean linkedBefore = old.stream().anyMatch(l -> l.startsWith("LINK\t" + p[1] + "\t" + p[2] + "\t"));
                    out.add(p[1] + ": " + (linkedBefore ? "the link to " + p[2] + " was confirmed"
                            : "now also known to " + p[2] + " (Think Family)"));
                }
            }
        }
        for (String line : now) {
            if (line.startsWith("FORM\t") && !old.contains(line)) {
                String ref = line.split("\t")[1];
                if (hasItem(old, ref)) {
                    out.add(ref + ": the referral form as held was updated");
                }
            }
        }
        return out;
    }

    private static boolean hasItem(Set<String> lines, String reference) {
        return lines.stream().anyMatch(l -> l.startsWith("ITEM\t" + reference + "\t"));
    }

    private static Set<String> lines(String manifest) {
        Set<String> out = new LinkedHashSet<>();
        if (manifest != null) {
            for (String l : manifest.split("\n")) {
                if (!l.isBlank()) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static Map<String, String> returns(Set<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines) {
            String[] p = l.split("\t");
            if (p[0].equals("RETURN")) {
                out.put(p[1] + "\t" + p[2], p[3]);
            }
        }
        return out;
    }

    /** Documents in {@code a} not in {@code b}, counted by reference and source. */
    private static Map<String, Integer> documents(Set<String> a, Set<String> b) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String l : a) {
            if (l.startsWith("DOC\t") && !b.contains(l)) {
                String[] p = l.split("\t");
                out.merge(p[1] + "\t" + p[2], 1, Integer::sum);
            }
        }
        return out;
    }

    private static String words(String status) {
        return switch (status) {
            case "RETURNED" -> "returned";
            case "NOT_KNOWN" -> "not known to the service";
            case "OVERDUE" -> "overdue";
            case "ESCALATED" -> "overdue, escalated";
            case "SENT", "REMINDED" -> "awaited";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }
}
