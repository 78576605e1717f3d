package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

import uk.gov.redbridge.onepanel.mailparsing.MailAddresses;

/**
 * The header fields logged with every message, read leniently from its raw header block: whatever cannot be read
 * is left out, and nothing here throws. Values are cleaned of control characters (PostgreSQL refuses NUL in text,
 * and a CR or LF must never reach a header the service writes) and capped in length (a Message-ID is indexed).
 * Addresses are read by {@link MailAddresses} in linear time: display names are dropped and only an address that
 * passes its check is kept, so a sender is a valid address or nothing. Every field is read up to Postfix's
 * {@code header_size_limit} (100 KiB) and no further, and at most {@link #MAX_FIELDS_PER_NAME} fields of one name.
 *
 * @param sender     the first valid address of From, Sender or Return-Path, or null
 * @param recipients Delivered-To, To and Cc addresses, lower-cased, in that order, each once, at most
 *                   {@link MailAddresses#MAX_ADDRESSES}
 */
record HeaderFacts(String messageId, String sender, List<String> recipients, String subject, Instant sentAt) {

    static final int MAX_MESSAGE_ID = 995;
    static final int MAX_ADDRESS = 320;
    static final int MAX_SUBJECT = 2000;
    /** Postfix's {@code hopcount_limit} (50 Received: fields) is the nearest cap on fields of one name; 100 is ours. */
    static final int MAX_FIELDS_PER_NAME = 100;
    /** How much of an encoded Subject or Date is read before decoding (encoded words take up to 4 bytes a letter). */
    private static final int MAX_ENCODED = 4 * MAX_SUBJECT + 200;

    private static final HeaderFacts NONE = new HeaderFacts(null, null, List.of(), null, null);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");

    /** Nothing known (the header could not be read). */
    static HeaderFacts none() {
        return NONE;
    }

    static HeaderFacts read(byte[] headerBlock) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(headerBlock), true);
        } catch (MessagingException | RuntimeException e) {
            return NONE;
        }
        String messageId = cap(clean(cap(first(headers, "Message-ID"), MAX_MESSAGE_ID * 2)), MAX_MESSAGE_ID);
        String sender = firstAddress(headers, "From", "Sender", "Return-Path");
        Set<String> recipients = new LinkedHashSet<>();
        for (String name : List.of("Delivered-To", "To", "Cc")) {
            for (String value : all(headers, name)) {
                for (String address : MailAddresses.parse(value)) {
                    if (recipients.size() >= MailAddresses.MAX_ADDRESSES) {
                        break;
                    }
                    recipients.add(address);
                }
            }
        }
        return new HeaderFacts(messageId, sender, List.copyOf(recipients),
                cap(decoded(cap(first(headers, "Subject"), MAX_ENCODED)), MAX_SUBJECT),
                date(cap(first(headers, "Date"), 200)));
    }

    private static String firstAddress(InternetHeaders headers, String... names) {
        for (String name : names) {
            for (String value : all(headers, name)) {
                Optional<String> address = MailAddresses.first(value);
                if (address.isPresent()) {
                    return address.get();
                }
            }
        }
        return null;
    }

    /** The valid addresses of one address header, display names dropped, lower-cased. */
    static List<String> addresses(String value) {
        return MailAddresses.parse(value);
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant t = new MailDateFormat().parse(unfold(value)).toInstant();
            int year = t.atZone(ZoneOffset.UTC).getYear();
            return year < 1900 || year > 2200 ? null : t;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = unfold(value);
        try {
            return clean(MimeUtility.decodeText(unfolded));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return clean(unfolded);
        }
    }

    private static String first(InternetHeaders headers, String name) {
        List<String> values = all(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        if (values == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length && i < MAX_FIELDS_PER_NAME; i++) {
            out.add(cap(values[i], MailAddresses.MAX_HEADER_TEXT));
        }
        return out;
    }

    private static String unfold(String value) {
        return FOLD.matcher(value).replaceAll(" ").trim();
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = CONTROL.matcher(unfold(value)).replaceAll("").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String cap(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
