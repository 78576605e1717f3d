package uk.gov.redbridge.onepanel.requests.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import uk.gov.redbridge.onepanel.mailparsing.ReplyText;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * The documents of an agency's reply, each with a path that finds it again in the stored message: the reply's own
 * text ({@code body}), the text of forwarded messages ({@code forwarded/1}), and every attachment (its MIME part
 * path), with the files inside an Outlook {@code winmail.dat} (TNEF) unpacked by POI's HMEF
 * ({@code 2/tnef/1}). A winmail.dat that cannot be read is kept as it is, so nothing is lost.
 */
final class ReturnParts {

    private static final String TNEF = "/tnef/";
    /** Types that make a reply "a return with documents" (a signature logo does not). */
    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("doc", "docx", "pdf", "odt", "rtf", "xls", "xlsx",
            "ods", "csv", "txt", "msg", "eml");

    /**
     * @param document true for a file the agency attached (not the reply's text, not an image)
     */
    record Part(String path, String fileName, String contentType, byte[] content, boolean document) {
    }

    private ReturnParts() {
    }

    static List<Part> of(ParsedMail mail) {
        List<Part> parts = new ArrayList<>();
        String text = ReplyText.bodyText(mail);
        if (!text.isBlank()) {
            parts.add(new Part("body", "reply.txt", "text/plain; charset=UTF-8", utf8(text), false));
        }
        for (int i = 0; i < mail.forwardedBodies().size(); i++) {
            String forwarded = ReplyText.htmlToText(mail.forwardedBodies().get(i));
            if (!forwarded.isBlank()) {
                parts.add(new Part("forwarded/" + (i + 1), "forwarded-message-" + (i + 1) + ".txt",
                        "text/plain; charset=UTF-8", utf8(forwarded), false));
            }
        }
        for (MailAttachment a : mail.attachments()) {
            if (isTnef(a)) {
                parts.addAll(unpackTnef(a));
            } else {
                parts.add(new Part(a.partPath(), a.fileName(), a.contentType(), a.content(), isDocument(a.fileName())));
            }
        }
        return parts;
    }

    static Optional<Part> find(ParsedMail mail, String path) {
        return of(mail).stream().filter(p -> p.path().equals(path)).findFirst();
    }

    static boolean hasDocuments(List<Part> parts) {
        return parts.stream().anyMatch(Part::document);
    }

    private static boolean isTnef(MailAttachment a) {
        String type = a.contentType().toLowerCase(Locale.ROOT);
        return type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || a.fileName().equalsIgnoreCase("winmail.dat");
    }

    private static List<Part> unpackTnef(MailAttachment winmail) {
        List<Part> out = new ArrayList<>();
        try {
            List<Attachment> inside = new HMEFMessage(new ByteArrayInputStream(winmail.content())).getAttachments();
            for (int i = 0; i < inside.size(); i++) {
                Attachment a = inside.get(i);
                String name = firstNonBlank(a.getLongFilename(), a.getFilename(), "attachment-" + (i + 1));
                byte[] content = a.getContents();
                out.add(new Part(winmail.partPath() + TNEF + (i + 1), name, detect(name, content), content,
                        isDocument(name)));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable winmail.dat is still kept, whole, so the secretariat can open it elsewhere
            out.clear();
        }
        if (out.isEmpty()) {
            out.add(new Part(winmail.partPath(), winmail.fileName(), winmail.contentType(), winmail.content(), true));
        }
        return out;
    }

    private static boolean isDocument(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && DOCUMENT_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The type from the file's name and first bytes (Tika's registry): TNEF gives none. */
    private static String detect(String fileName, byte[] content) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (ByteArrayInputStream in = new ByteArrayInputStream(content)) {
            MediaType type = MimeTypes.getDefaultMimeTypes().detect(in, metadata);
            return type.getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
