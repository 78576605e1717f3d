package uk.gov.redbridge.onepanel.mailparsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The text of a reply, and the part of it the sender wrote: quoted lines ({@code >}), "On ... wrote:" lines, and
 * everything from an Outlook quote header ("-----Original Message-----", or a From:/Sent: block) on are what the
 * sender quoted, not what they said. In HTML, {@code <blockquote>} and Outlook's and Gmail's quote containers are
 * dropped. Top-posted and bottom-posted replies both keep only the new words.
 */
public final class ReplyText {

    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>.*");
    private static final Pattern WROTE_LINE = Pattern.compile("(?i)^\\s*on .{4,200} wrote:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?i)^\\s*-{2,}\\s*original message\\s*-{2,}\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?from:\\*?\\s+.+");
    private static final Pattern HEADER_NEXT = Pattern.compile("(?i)^\\s*\\*?(sent|date|to|subject):\\*?\\s*.*");
    private static final Pattern LOOKS_HTML = Pattern.compile("(?is)^\\s*<(!doctype|html|head|body|div|p|table)\\b.*");

    private ReplyText() {
    }

    /** The whole readable body: plain text, else the HTML as text. */
    public static String bodyText(MailAnatomy.ParsedMail mail) {
        if (mail.textBody() != null && !mail.textBody().isBlank()) {
            return mail.textBody().strip();
        }
        return mail.htmlBody() == null ? "" : htmlToText(mail.htmlBody());
    }

    /** What the sender wrote in the reply and in any message they forwarded as an attachment, quotes removed. */
    public static String newText(MailAnatomy.ParsedMail mail) {
        List<String> texts = new ArrayList<>();
        texts.add(mail.textBody() != null && !mail.textBody().isBlank() ? withoutQuotes(mail.textBody())
                : mail.htmlBody() == null ? "" : withoutQuotes(htmlWithoutQuotes(mail.htmlBody())));
        for (String forwarded : mail.forwardedBodies()) {
            texts.add(withoutQuotes(LOOKS_HTML.matcher(forwarded).matches() ? htmlWithoutQuotes(forwarded) : forwarded));
        }
        return String.join("\n", texts).strip();
    }

    /** The first configured phrase the text contains (case and spacing ignored), if any. */
    public static Optional<String> findPhrase(String text, List<String> phrases) {
        String normalised = normalise(text);
        return phrases.stream().filter(p -> !p.isBlank() && normalised.contains(normalise(p))).findFirst();
    }

    public static String withoutQuotes(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ORIGINAL_MESSAGE.matcher(line).matches() || (RULE.matcher(line).matches() && headerBlockAt(lines, i + 1))
                    || headerBlockAt(lines, i)) {
                break;
            }
            if (QUOTED_LINE.matcher(line).matches() || WROTE_LINE.matcher(line).matches()) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    /** A From: line followed within three lines by Sent:/Date:/To:/Subject: — an Outlook quote header. */
    private static boolean headerBlockAt(String[] lines, int i) {
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i >= lines.length || !HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
            if (HEADER_NEXT.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }

    public static String htmlToText(String html) {
        return text(Jsoup.parse(html));
    }

    private static String htmlWithoutQuotes(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("blockquote, div.gmail_quote, div.yahoo_quoted").remove();
        for (Element marker : doc.select("#divRplyFwdMsg, #appendonsend, div[id^=mail-editor-reference-message]")) {
            // Outlook puts the quoted original after this marker, as its following siblings
            Element next = marker.nextElementSibling();
            while (next != null) {
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
            marker.remove();
        }
        return text(doc);
    }

    private static String text(Document doc) {
        doc.select("br").after("\n");
        doc.select("p, div, tr, li, h1, h2, h3, h4, h5, h6, hr").after("\n");
        String whole = doc.body() == null ? "" : doc.body().wholeText();
        List<String> lines = new ArrayList<>();
        for (String line : whole.split("\n")) {
            lines.add(line.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip());
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }
}
