package uk.gov.redbridge.onepanel.mailparsing.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailHeader;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * Reads the parts of an email leniently: headers, the readable body (plain text, else HTML), and every attachment,
 * including those inside forwarded messages ({@code message/rfc822}). Malformed MIME, unknown charsets and encoded
 * file names (RFC 2047 and RFC 2231) are tolerated: what cannot be read is listed in {@link ParsedMail#problems()},
 * never thrown. Nesting is bounded ({@link MailAnatomy#MAX_DEPTH}, {@link MailAnatomy#MAX_PARTS}), so a message
 * built to be thousands of levels deep is read to a depth and no further.
 */
public final class MailParser {

    private static final int MAX_DEPTH = MailAnatomy.MAX_DEPTH;
    private static final int MAX_PARTS = MailAnatomy.MAX_PARTS;
    private static final Session SESSION = Session.getInstance(lenientProperties());

    private MailParser() {
    }

    public static ParsedMail parse(byte[] rfc822) {
        return parse(new ByteArrayInputStream(rfc822));
    }

    public static ParsedMail parse(InputStream in) {
        Walker walker = new Walker();
        List<MailHeader> headers = new ArrayList<>();
        String contentType = "application/octet-stream";
        try {
            MimeMessage message = new MimeMessage(SESSION, in);
            headers = readHeaders(message);
            contentType = baseType(message);
            walker.walk(message, "", 0, false);
        } catch (MessagingException | RuntimeException e) {
            walker.problems.add("the message structure could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return new ParsedMail(headers, walker.text, walker.html, walker.forwardedBodies, walker.attachments,
                contentType, walker.deliveryStatus, walker.problems);
    }

    private static List<MailHeader> readHeaders(Part part) throws MessagingException {
        List<MailHeader> out = new ArrayList<>();
        Enumeration<Header> all = part.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            out.add(new MailHeader(h.getName(), decode(unfold(h.getValue()))));
        }
        return out;
    }

    private static String unfold(String value) {
        return value == null ? "" : value.replaceAll("\r?\n[ \t]+", " ").trim();
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static String baseType(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) {
                return "text/plain";
            }
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static final class Walker {
        String text;
        String html;
        String deliveryStatus;
        final List<String> forwardedBodies = new ArrayList<>();
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int parts;

        void walk(Part part, String path, int depth, boolean forwarded) {
            if (depth > MAX_DEPTH) {
                problems.add("parts nested deeper than " + MAX_DEPTH + " levels were not read");
                return;
            }
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) {
                    problems.add("only the first " + MAX_PARTS + " parts were read");
                }
                return;
            }
            String type = baseType(part);
            try {
                if (type.startsWith("multipart/")) {
                    Object content = part.getContent();
                    if (content instanceof Multipart multipart) {
                        for (int i = 0; i < multipart.getCount(); i++) {
                            walk(multipart.getBodyPart(i), path + (path.isEmpty() ? "" : ".") + (i + 1), depth + 1,
                                    forwarded);
                        }
                    } else {
                        problems.add("a multipart section has no readable parts");
                    }
                    return;
                }
                if (type.equals("message/rfc822")) {
                    Object content = part.getContent();
                    Message inner = content instanceof Message m ? m
                            : new MimeMessage(SESSION, part.getInputStream());
                    Walker nested = new Walker();
                    nested.parts = parts;
                    nested.walk(inner, path + (path.isEmpty() ? "" : ".") + "msg", depth + 1, true);
                    parts = nested.parts;
                    if (nested.text != null && !nested.text.isBlank()) {
                        forwardedBodies.add(nested.text);
                    } else if (nested.html != null) {
                        forwardedBodies.add(nested.html);
                    }
                    forwardedBodies.addAll(nested.forwardedBodies);
                    attachments.addAll(nested.attachments);
                    problems.addAll(nested.problems);
                    return;
                }
                String disposition = safeDisposition(part);
                String fileName = fileName(part);
                boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
                if (!attachment && type.equals("text/plain") && text == null) {
                    text = readText(part);
                    return;
                }
                if (!attachment && type.equals("text/html") && html == null) {
                    html = readText(part);
                    return;
                }
                if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                    deliveryStatus = new String(readBytes(part), StandardCharsets.UTF_8);
                    return;
                }
                if (!attachment && (type.startsWith("text/") || type.startsWith("message/"))) {
                    // a second body part (e.g. the headers of a bounced message): kept as a nameless attachment
                    fileName = null;
                }
                byte[] bytes = readBytesOrRaw(part, path);
                attachments.add(new MailAttachment(fileName == null ? "part-" + (path.isEmpty() ? "1" : path) : fileName,
                        type, bytes, path.isEmpty() ? "1" : path, forwarded));
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add("part " + (path.isEmpty() ? "1" : path) + " (" + type + ") could not be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }

        private static String safeDisposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private static String fileName(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    return null;
                }
                name = decode(name);
                // strip any path a sender's client put in the name
                name = name.replace('\\', '/');
                name = name.substring(name.lastIndexOf('/') + 1).trim();
                return name.isEmpty() ? null : name;
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        /** The decoded bytes, or (when the transfer encoding is broken) the bytes as sent, so nothing is dropped. */
        private byte[] readBytesOrRaw(Part part, String path) throws MessagingException, IOException {
            try {
                return readBytes(part);
            } catch (IOException e) {
                if (part instanceof jakarta.mail.internet.MimePart mime && mime instanceof jakarta.mail.internet.MimeBodyPart body) {
                    problems.add("part " + (path.isEmpty() ? "1" : path) + " could not be decoded; kept as sent");
                    try (InputStream in = body.getRawInputStream()) {
                        return in.readAllBytes();
                    }
                }
                throw e;
            }
        }

        private static byte[] readBytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }

        private String readText(Part part) throws MessagingException, IOException {
            byte[] bytes = readBytes(part);
            String charset = null;
            try {
                charset = new ContentType(part.getContentType()).getParameter("charset");
            } catch (MessagingException | RuntimeException e) {
                // no usable content type: fall back below
            }
            return new String(bytes, charsetOrFallback(charset, bytes));
        }

        private Charset charsetOrFallback(String name, byte[] bytes) {
            if (name != null) {
                try {
                    return Charset.forName(MimeUtility.javaCharset(name.trim()));
                } catch (RuntimeException e) {
                    problems.add("unknown character set '" + name.replaceAll("[^A-Za-z0-9._-]", "?")
                            + "': read as UTF-8 or Windows-1252");
                }
            }
            return looksLikeUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }

        private static boolean looksLikeUtf8(byte[] bytes) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }
    }

    private static Properties lenientProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }
}
