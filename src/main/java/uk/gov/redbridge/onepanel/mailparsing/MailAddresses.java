package uk.gov.redbridge.onepanel.mailparsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the addresses of an address header ({@code From}, {@code To}, {@code Reply-To} ...) in one pass over its
 * text, whatever it holds: display names and comments are dropped, and only an address that passes {@link #valid}
 * is returned, lower-cased. Written for untrusted input: the time taken grows with the length of the text and no
 * faster (Jakarta Mail's {@code InternetAddress.parseHeader} takes quadratic time on some inputs, e.g. 100,000
 * {@code <} in a row took 13 s), and the text read and the addresses returned are capped.
 */
public final class MailAddresses {

    /**
     * The longest header text read: Postfix's {@code header_size_limit} (102,400 bytes, "how much text may be
     * carried in a multi-line message header"). Beyond it Postfix discards the text, and so do we.
     */
    public static final int MAX_HEADER_TEXT = 102_400;
    /**
     * The most addresses taken from one header. Postfix's {@code header_address_token_limit} is 10,240 tokens (a word,
     * an {@code @} or a {@code .} each count), about 2,500 short addresses; 1,000 is also its SMTP server's
     * {@code smtpd_recipient_limit}.
     */
    public static final int MAX_ADDRESSES = 1_000;
    /** RFC 5321, 4.5.3.1: a path of at most 256 octets with its angle brackets, so 254 for the address. */
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;

    private MailAddresses() {
    }

    /** The first valid address of a header, if any. */
    public static Optional<String> first(String headerValue) {
        List<String> all = parse(headerValue, 1);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every valid address of a header, lower-cased, each once, in order, at most {@link #MAX_ADDRESSES}. */
    public static List<String> parse(String headerValue) {
        return parse(headerValue, MAX_ADDRESSES);
    }

    private static List<String> parse(String headerValue, int max) {
        if (headerValue == null || headerValue.isEmpty()) {
            return List.of();
        }
        String text = headerValue.length() > MAX_HEADER_TEXT ? headerValue.substring(0, MAX_HEADER_TEXT) : headerValue;
        Set<String> out = new LinkedHashSet<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        int angleStart = -1;
        int angleEnd = -1;
        boolean atSeen = false;
        boolean broken = false;
        // one pass: quoted strings and comments are skipped (an unclosed one runs to the end), an entry ends at a
        // top-level comma or semicolon, or at a group's colon; every look-ahead stops at the next special character,
        // which the pass then reaches, so no character is read more than a few times
        while (i <= n && out.size() < max) {
            char c = i < n ? text.charAt(i) : ',';
            if (c == '"') {
                i = skipQuoted(text, i + 1);
                broken |= i >= n && text.charAt(n - 1) != '"';
                continue;
            }
            if (c == '(') {
                i = skipComment(text, i + 1);
                broken |= i >= n && text.charAt(n - 1) != ')';
                continue;
            }
            if (c == '<' && angleStart < 0) {
                int close = closingBracket(text, i + 1);
                if (close >= 0) {
                    angleStart = i + 1;
                    angleEnd = close;
                    i = close + 1;
                    continue;
                }
                broken = true;
            }
            if (c == '@') {
                atSeen = true;
            }
            if (c == ',' || c == ';' || c == ':' && angleStart < 0 && !atSeen) {
                take(text, start, i, angleStart, angleEnd, broken, out);
                start = i + 1;
                angleStart = -1;
                angleEnd = -1;
                atSeen = false;
                broken = false;
            }
            i++;
        }
        List<String> list = new ArrayList<>(out);
        return list.size() > max ? list.subList(0, max) : list;
    }

    /**
     * One entry: its angle address if it has one, else its text. When its quoting or brackets are broken (an unclosed
     * quote swallowed the rest), the words of it that are whole addresses; never a part of a malformed address.
     */
    private static void take(String text, int from, int to, int angleStart, int angleEnd, boolean broken,
            Set<String> out) {
        if (angleStart >= 0 && angleEnd - angleStart <= MAX_LENGTH + 2) {
            Optional<String> address = valid(text.substring(angleStart, angleEnd).trim());
            if (address.isPresent()) {
                out.add(address.get());
                return;
            }
        } else if (angleStart < 0) {
            Optional<String> address = valid(withoutComments(text, from, to).trim());
            if (address.isPresent()) {
                out.add(address.get());
                return;
            }
        }
        if (!broken) {
            return;
        }
        int word = from;
        for (int i = from; i <= to; i++) {
            if (i == to || delimiter(text.charAt(i))) {
                if (i > word) {
                    valid(text.substring(word, i)).ifPresent(out::add);
                }
                word = i + 1;
            }
        }
    }

    /**
     * The address, lower-cased, if it is one the service can write to: one {@code @}; a local part of 1 to 64
     * characters without spaces, controls, brackets or quotes, and without a leading, trailing or double dot; a
     * domain of at least two labels of letters, digits and hyphens (or other letters: internationalised names), none
     * empty, none starting or ending with a hyphen, no trailing dot; 254 characters at most (RFC 5321). Quoted local
     * parts and address literals ({@code [192.0.2.1]}) are refused: no referrer uses them, and they are how
     * header-injection tricks hide.
     */
    public static Optional<String> valid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at > MAX_LOCAL_PART || at == address.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c != '@' && delimiter(c)) {
                return Optional.empty();
            }
        }
        String local = address.substring(0, at);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1);
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return Optional.empty();
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-')) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(address.toLowerCase(Locale.ROOT));
    }

    /** Characters that never occur in an address the service accepts: they end a word. */
    private static boolean delimiter(char c) {
        return c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';'
                || c == ':' || c == '"' || c == '[' || c == ']' || c == '\\' || Character.isWhitespace(c)
                || Character.isISOControl(c);
    }

    private static int skipQuoted(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int skipComment(String text, int i) {
        int n = text.length();
        int depth = 1;
        while (i < n && depth > 0) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return Math.min(i, n);
    }

    /** The {@code >} closing an angle address opened just before {@code from}, or -1 if another entry starts first. */
    private static int closingBracket(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == ',' || c == ';' || c == '<' || c == '"' || c == '(') {
                return -1;
            }
        }
        return -1;
    }

    private static String withoutComments(String text, int from, int to) {
        StringBuilder out = new StringBuilder(Math.min(to - from, MAX_LENGTH + 2));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '(') {
                i = skipComment(text, i + 1);
                continue;
            }
            out.append(c);
            if (out.length() > MAX_LENGTH + 1) {
                break;
            }
            i++;
        }
        return out.toString();
    }
}
