package uk.gov.redbridge.onepanel.extraction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The messages inside a message forwarded inline: the text before the first forwarding header is the forwarder's
 * note, each header block ("-----Original Message-----", Outlook's rule and From:/Sent:/To:/Subject: lines, Gmail's
 * "---------- Forwarded message ---------", Apple's "Begin forwarded message:") starts the next message, and the
 * header lines themselves and any quote markers ("> ") are dropped. A referral typed by one person and forwarded by
 * another is read from its own part, where the forwarder's "Thanks" does not end it.
 */
final class ForwardedText {

    private static final Pattern QUOTE = Pattern.compile("^(?:[ \\t]*>)+[ \\t]?");
    private static final Pattern MARKER = Pattern.compile("(?i)^\\s*(?:-{2,}\\s*(?:original message|forwarded message)"
            + "\\s*-{2,}|begin forwarded message:?|_{10,})\\s*$");
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*\\*?from\\s*:\\*?\\s*\\S.*");
    private static final Pattern HEADER = Pattern.compile("(?i)^\\s*\\*?(?:from|sent|date|to|cc|bcc|subject|"
            + "importance|reply-to)\\s*:\\*?.*");

    private ForwardedText() {
    }

    /**
     * The parts of a text split at its forwarding headers, quote markers removed, header lines dropped; a text
     * without such a header is one part.
     */
    static List<String> parts(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = QUOTE.matcher(lines[i]).replaceFirst("");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            int headerEnd = headerBlock(lines, i);
            if (headerEnd > i) {
                parts.add(current.toString());
                current = new StringBuilder();
                i = headerEnd;
                continue;
            }
            current.append(lines[i]).append('\n');
            i++;
        }
        parts.add(current.toString());
        parts.removeIf(String::isBlank);
        return parts;
    }

    /** Where a forwarding header block starting at {@code i} ends (the line after it), or {@code i} if none. */
    private static int headerBlock(String[] lines, int i) {
        boolean marker = MARKER.matcher(lines[i]).matches();
        boolean rule = marker && lines[i].strip().startsWith("_");
        int j = marker ? i + 1 : i;
        while (marker && j < lines.length && lines[j].isBlank()) {
            j++;
        }
        int headers = 0;
        int k = j;
        if (k < lines.length && FROM.matcher(lines[k]).matches()) {
            headers = 1;
            k++;
            while (k < lines.length && HEADER.matcher(lines[k]).matches()) {
                headers++;
                k++;
            }
        }
        if (marker && !rule) {
            // "-----Original Message-----", with or without the header lines under it
            return headers > 0 ? k : j;
        }
        // a rule, or no marker: a From: line with at least one more header line under it ("From: the school" alone
        // is an answer)
        return headers >= 2 ? k : i;
    }
}
