package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * The header fields logged with every message, read leniently from its raw header block: whatever cannot be read
 * is left out or kept as written, and nothing here throws. Values are cleaned of control characters (PostgreSQL
 * refuses NUL in text) and capped in length (a Message-ID is indexed).
 *
 * @param recipients Delivered-To, To and Cc addresses, lower-cased, in that order, each once
 */
record HeaderFacts(String messageId, String sender, List<String> recipients, String subject, Instant sentAt) {

    static final int MAX_MESSAGE_ID = 995;
    static final int MAX_ADDRESS = 320;
    static final int MAX_SUBJECT = 2000;

    private static final HeaderFacts NONE = new HeaderFacts(null, null, List.of(), null, null);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>(),;:\"\\[\\]]+@[^\\s<>(),;:\"\\[\\]]+");
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
        String messageId = cap(clean(first(headers, "Message-ID")), MAX_MESSAGE_ID);
        String sender = firstAddress(headers, "From", "Sender", "Return-Path");
        Set<String> recipients = new LinkedHashSet<>();
        for (String name : List.of("Delivered-To", "To", "Cc")) {
            for (String value : all(headers, name)) {
                recipients.addAll(addresses(value));
            }
        }
        return new HeaderFacts(messageId, sender, List.copyOf(recipients), cap(decoded(first(headers, "Subject")),
                MAX_SUBJECT), date(first(headers, "Date")));
    }

    private static String firstAddress(InternetHeaders headers, String... names) {
        for (String name : names) {
            String value = first(headers, name);
            if (value == null || value.isBlank()) {
                continue;
            }
            List<String> found = addresses(value);
            // unreadable as an address: kept as written, which is as well as it can be stored
            return found.isEmpty() ? cap(decoded(value), MAX_ADDRESS) : found.get(0);
        }
        return null;
    }

    static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        String unfolded = unfold(value);
        try {
            for (Address a : InternetAddress.parseHeader(unfolded, false)) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    // the lenient parser may hand back a broken fragment: keep only what looks like an address
                    findAddresses(ia.getAddress(), out);
                }
            }
            return out;
        } catch (MessagingException | RuntimeException e) {
            // unbalanced quotes or brackets: take whatever looks like an address
            out.clear();
            findAddresses(unfolded, out);
            return out;
        }
    }

    private static void findAddresses(String text, List<String> out) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            out.add(normalised(m.group()));
        }
    }

    private static String normalised(String address) {
        return cap(clean(address).toLowerCase(Locale.ROOT), MAX_ADDRESS);
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
        return values == null ? Collections.emptyList() : List.of(values);
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
