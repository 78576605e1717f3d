package uk.gov.redbridge.onepanel.mailparsing;

import java.util.List;

/**
 * The parts of an email as {@link uk.gov.redbridge.onepanel.mailparsing.parser.MailParser} read them: headers, the
 * readable body (plain text, else HTML), every attachment (also those inside forwarded messages), and what could not
 * be read. Values only: parsing is {@code MailParser}'s, in its own named interface that only {@code mailbox} (and
 * the command line's {@code extraction}) may use, so no other module parses mail.
 */
public final class MailAnatomy {

    /** How deep multiparts and forwarded messages are followed. */
    public static final int MAX_DEPTH = 20;
    /** How many parts are read at most. */
    public static final int MAX_PARTS = 500;

    private MailAnatomy() {
    }

    /** One attachment, or a forwarded message's attachment. */
    public record MailAttachment(String fileName, String contentType, byte[] content, String partPath,
            boolean insideForwardedMessage) {

        public long size() {
            return content.length;
        }
    }

    /**
     * @param headers     the top-level headers, in order, names as written
     * @param textBody    the first plain-text body of the message (not of forwarded messages), or null
     * @param htmlBody    the first HTML body, or null
     * @param forwardedBodies plain-text (or HTML converted by the caller) bodies of forwarded messages, in order
     * @param contentType the top-level content type, lower case without parameters
     * @param deliveryStatus the text of a {@code message/delivery-status} part (bounces), or null
     * @param problems    what could not be read, in plain words without personal data
     */
    public record ParsedMail(List<MailHeader> headers, String textBody, String htmlBody, List<String> forwardedBodies,
            List<MailAttachment> attachments, String contentType, String deliveryStatus, List<String> problems) {

        /** Unmodifiable: one parsed message is shared by every module that reads it. */
        public ParsedMail {
            headers = List.copyOf(headers);
            forwardedBodies = List.copyOf(forwardedBodies);
            attachments = List.copyOf(attachments);
            problems = List.copyOf(problems);
        }

        /** The first value of a header (case-insensitive name), unfolded and decoded, or null. */
        public String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).findFirst()
                    .orElse(null);
        }

        public List<String> headers(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MailHeader::value).toList();
        }

        /** The readable body: plain text if there is one, else the HTML source, else empty. */
        public String body() {
            if (textBody != null && !textBody.isBlank()) {
                return textBody;
            }
            return htmlBody == null ? "" : htmlBody;
        }
    }

    public record MailHeader(String name, String value) {
    }

    /**
     * Addresses from an address header, lower-cased, display names dropped, invalid ones skipped; read in linear time
     * ({@link MailAddresses}: Jakarta Mail's own address parser is quadratic on some hostile headers).
     */
    public static List<String> addresses(String headerValue) {
        return MailAddresses.parse(headerValue);
    }

}
