package uk.gov.redbridge.onepanel.endtoend;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * A seeded generator of malformed and hostile emails, written by hand in RFC 822 bytes (no mail library would write
 * most of them): the kinds of issue 11's 1,059-message run, smaller where size only costs time. Every message
 * carries a fresh token somewhere in its bytes, so no two are identical (identical bytes are rightly one message).
 * People and numbers are fictional; addresses are on reserved {@code .example} domains.
 */
final class HostileMail {

    static final String TO = "RedbridgeOnePanel@redbridge.gov.uk";

    /** The kinds, each as likely as the others, except the few very large ones (see {@link #next}). */
    enum Kind {
        HUGE_DISPLAY_NAME, MANY_REFERENCES, BROKEN_BASE64, UNKNOWN_CHARSET, DEEP_NESTING, MANY_PARTS, CRLF_IN_FROM,
        DOUBLE_AT_FROM, TRAILING_DOT_FROM, GARBAGE_BYTES, NO_HEADERS, UNTERMINATED_MULTIPART, MISSING_BOUNDARY,
        PATH_TRAVERSAL_NAME, HTML_WITH_SCRIPT, AUTO_REPLY, BOUNCE, LIST_MAIL, EMPTY, NUL_IN_HEADERS, LONG_SUBJECT,
        MANY_HEADER_FIELDS, LOOP_HEADER, MUTATED_REFERRAL, TRUNCATED, BRACKETS_IN_TO, ENCODED_WORD_BOMB,
        BODY_REFERRAL, FORMS_ABOUT_TWO_PEOPLE_AS_TEXT, ZERO_LENGTH_ATTACHMENT
    }

    private final Random random;
    private int serial;

    HostileMail(long seed) {
        this.random = new Random(seed);
    }

    record Generated(Kind kind, byte[] raw) {
    }

    /**
     * The next message; the first are the two that stopped intake for good in issue 11, at full size, and a form
     * nested 120 levels deep. (Deeper nesting is tested without the mail server: the embedded GreenMail itself
     * takes 72 s to accept a message nested 5,000 deep and longer than its client waits to move it.)
     */
    Generated next() {
        Generated g = generate();
        return switch (g.kind()) {
            // these are about their header block (or its absence) as it is, or carry a Message-ID already
            case NO_HEADERS, GARBAGE_BYTES, NUL_IN_HEADERS, AUTO_REPLY, BODY_REFERRAL, MUTATED_REFERRAL, TRUNCATED -> g;
            // every other one gets a Message-ID of its own, so that intake reads each as a new email: without one,
            // two messages with the same body are rightly one email to intake (its content key), and a third of
            // the run would only test the duplicate check
            default -> new Generated(g.kind(), withMessageId(g.raw()));
        };
    }

    private byte[] withMessageId(byte[] raw) {
        byte[] header = ("Message-ID: <hostile." + serial + "." + Long.toHexString(random.nextLong())
                + "@generator.example>\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + raw.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(raw, 0, out, header.length, raw.length);
        return out;
    }

    private Generated generate() {
        serial++;
        String token = "t" + serial + "-" + Long.toHexString(random.nextLong());
        Kind kind;
        if (serial == 1) {
            return new Generated(Kind.HUGE_DISPLAY_NAME, hugeDisplayName(token, 1 << 20));
        } else if (serial == 2) {
            return new Generated(Kind.MANY_REFERENCES, manyReferences(token, 600_000));
        } else if (serial == 3) {
            return new Generated(Kind.DEEP_NESTING, deepNesting(token, 120));
        }
        Kind[] kinds = Kind.values();
        kind = kinds[random.nextInt(kinds.length)];
        return new Generated(kind, switch (kind) {
            case HUGE_DISPLAY_NAME -> hugeDisplayName(token, 20_000 + random.nextInt(200_000));
            case MANY_REFERENCES -> manyReferences(token, 1_000 + random.nextInt(20_000));
            case BROKEN_BASE64 -> withAttachment(token, "form.docx", "application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document", "base64", "UEsDBBQ!!!not*base64%%%" + token + "===\r\nAAAA=");
            case UNKNOWN_CHARSET -> simple(token, "Referral", "Content-Type: text/plain; charset=x-klingon-"
                    + random.nextInt(100), "First name: Alex\r\nLast name: Unknowncharset\r\n" + token);
            case DEEP_NESTING -> deepNesting(token, 21 + random.nextInt(40));
            case MANY_PARTS -> manyParts(token, 500 + random.nextInt(3_000));
            case CRLF_IN_FROM -> from(token, "=?UTF-8?B?" + b64("Sam\r\nBcc: a@b.example\r\n") + "?= <sam." + serial
                    + "@nhs-trust.example>");
            case DOUBLE_AT_FROM -> from(token, "Sam <sam." + serial + "@@nhs-trust.example>");
            case TRAILING_DOT_FROM -> from(token, "sam." + serial + "@nhs-trust.example.");
            case GARBAGE_BYTES -> garbage(token);
            case NO_HEADERS -> ("\r\n" + "no headers at all " + token + "\r\n").getBytes(StandardCharsets.US_ASCII);
            case UNTERMINATED_MULTIPART -> unterminated(token);
            case MISSING_BOUNDARY -> ascii("From: a" + serial + "@nhs-trust.example\r\nTo: " + TO + "\r\nSubject: "
                    + token + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: "
                    + "text/plain\r\n\r\nno boundary parameter\r\n--x--\r\n");
            case PATH_TRAVERSAL_NAME -> withAttachment(token, "../../../../etc/passwd" + serial + ".docx",
                    "application/octet-stream", "base64", b64("not a document " + token));
            case HTML_WITH_SCRIPT -> simple(token, "Referral", "Content-Type: text/html; charset=utf-8",
                    "<html><body><script>alert(1)</script><img src=\"http://tracker.example/" + token
                            + "\"><p>First name: <b>Alex</b></p></body></html>");
            case AUTO_REPLY -> ascii("From: out.of.office" + serial + "@nhs-trust.example\r\nTo: " + TO
                    + "\r\nSubject: Automatic reply: Referral\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + token
                    + "@nhs-trust.example>\r\n\r\nI am away until Monday.\r\n");
            case BOUNCE -> bounce(token);
            case LIST_MAIL -> ascii("From: bulletin@lists.nhs-trust.example\r\nTo: " + TO + "\r\nSubject: Bulletin "
                    + token + "\r\nList-Id: <bulletin.lists.nhs-trust.example>\r\nPrecedence: bulk\r\n\r\nNews.\r\n");
            case EMPTY -> ascii("From: e" + serial + "@nhs-trust.example\r\nTo: " + TO + "\r\nSubject: " + token
                    + "\r\n\r\n");
            case NUL_IN_HEADERS -> ascii("From: a\u0000b" + serial + "@nhs-trust.example\r\nTo: " + TO
                    + "\r\nSubject: nul\u0000" + token + "\r\nMessage-ID: <\u0000" + token + ">\r\n\r\nbody\u0000\r\n");
            case LONG_SUBJECT -> ascii("From: a" + serial + "@nhs-trust.example\r\nTo: " + TO + "\r\nSubject: "
                    + "=?UTF-8?Q?" + "x=C3=A9".repeat(20_000) + "?= " + token + "\r\n\r\nbody\r\n");
            case MANY_HEADER_FIELDS -> manyHeaderFields(token, 2_000 + random.nextInt(8_000));
            case LOOP_HEADER -> ascii("From: RedbridgeOnePanel@redbridge.gov.uk\r\nTo: " + TO + "\r\nSubject: "
                    + token + "\r\nX-OnePanel-Loop: redbridge-one-panel\r\n\r\nour own mail come back\r\n");
            case MUTATED_REFERRAL -> mutate(referral(token));
            case TRUNCATED -> truncate(referral(token), token);
            case BRACKETS_IN_TO -> ascii("From: a" + serial + "@nhs-trust.example\r\nTo: " + "<(".repeat(20_000)
                    + "\r\nCc: " + "[".repeat(20_000) + "\r\nSubject: " + token + "\r\n\r\nbody\r\n");
            case ENCODED_WORD_BOMB -> ascii("From: =?UTF-8?B?" + "QUFB".repeat(10_000) + "?= <e" + serial
                    + "@nhs-trust.example>\r\nTo: " + TO + "\r\nSubject: " + "=?x?q?a?= ".repeat(5_000) + token
                    + "\r\n\r\nbody\r\n");
            case BODY_REFERRAL -> referral(token);
            case FORMS_ABOUT_TWO_PEOPLE_AS_TEXT -> twoPeople(token);
            case ZERO_LENGTH_ATTACHMENT -> withAttachment(token, "form.pdf", "application/pdf", "base64", "");
        });
    }

    private String sender() {
        return "referrer." + serial + "@nhs-trust.example";
    }

    private byte[] hugeDisplayName(String token, int length) {
        return ascii("From: " + "N".repeat(length) + "\r\nTo: " + TO + "\r\nSubject: " + token
                + "\r\n\r\nA display name of " + length + " characters.\r\n");
    }

    private byte[] manyReferences(String token, int ids) {
        StringBuilder refs = new StringBuilder(ids * 30);
        for (int i = 0; i < ids; i++) {
            refs.append(i == 0 ? "" : "\r\n ").append('<').append(i % (ids / 2 + 1)).append("@mail.example>");
        }
        return ascii("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: Re: " + token + "\r\nIn-Reply-To: <1@mail"
                + ".example>\r\nReferences: " + refs + "\r\n\r\nPlease see below.\r\n");
    }

    private byte[] deepNesting(String token, int depth) {
        StringBuilder raw = new StringBuilder("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: " + token
                + "\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nFirst name: Alex\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        return ascii(raw.toString());
    }

    private byte[] manyParts(String token, int parts) {
        StringBuilder raw = new StringBuilder("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: " + token
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            raw.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
        }
        return ascii(raw.append("--p--\r\n").toString());
    }

    private byte[] from(String token, String from) {
        return ascii("From: " + from + "\r\nTo: " + TO + "\r\nSubject: Referral " + token + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + crlf(TestMail.bodyReferral("Casey",
                "Fromtest", "01/01/1950", "Self-neglect.", "020 7946 0004")));
    }

    private byte[] garbage(String token) {
        byte[] bytes = new byte[200 + random.nextInt(20_000)];
        random.nextBytes(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes);
        out.writeBytes(ascii("\r\n" + token + "\r\n"));
        return out.toByteArray();
    }

    private byte[] unterminated(String token) {
        return ascii("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: " + token + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"u\"\r\n\r\n--u\r\nContent-Type: text/plain\r\n\r\n"
                + "First name: Alex\r\n--u\r\nContent-Type: application/pdf; name=\"f.pdf\"\r\nContent-Transfer-"
                + "Encoding: base64\r\nContent-Disposition: attachment; filename=\"f.pdf\"\r\n\r\nJVBERi0xLjQK\r\n");
    }

    private byte[] withAttachment(String token, String name, String type, String encoding, String content) {
        return ascii("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: Referral " + token + "\r\nMIME-Version: "
                + "1.0\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\n"
                + "Please see attached.\r\n--a\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: " + encoding + "\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\n\r\n" + content + "\r\n--a--\r\n");
    }

    private byte[] simple(String token, String subject, String contentType, String body) {
        return ascii("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: " + subject + " " + token
                + "\r\nMIME-Version: 1.0\r\n" + contentType + "\r\n\r\n" + body + "\r\n");
    }

    private byte[] bounce(String token) {
        return ascii("From: MAILER-DAEMON@mx.nhs-trust.example\r\nTo: " + TO + "\r\nSubject: Undelivered Mail "
                + "Returned to Sender\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;"
                + " boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nCould not deliver " + token
                + "\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; nobody"
                + serial + "@nhs-trust.example\r\nAction: failed\r\nStatus: 5.1.1\r\n--r--\r\n");
    }

    private byte[] manyHeaderFields(String token, int fields) {
        StringBuilder raw = new StringBuilder("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: " + token + "\r\n");
        for (int i = 0; i < fields; i++) {
            raw.append(i % 3 == 0 ? "Received: from x" : i % 3 == 1 ? "To: r" + i + "@x.example" : "X-H" + i + ": v")
                    .append("\r\n");
        }
        return ascii(raw + "\r\nbody\r\n");
    }

    private byte[] referral(String token) {
        return ascii("From: Pat Example <" + sender() + ">\r\nTo: " + TO + "\r\nSubject: One Panel referral " + token
                + "\r\nMessage-ID: <" + token + "@nhs-trust.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
                + "charset=utf-8\r\n\r\n" + crlf(TestMail.bodyReferral("Robin", "Generated", "02/05/1961",
                "Self-neglect.", "020 7946 0005")));
    }

    private byte[] twoPeople(String token) {
        String first = crlf(TestMail.bodyReferral("Alex", "Firstperson", "01/01/1950", "Self-neglect.", "x"));
        String second = crlf(TestMail.bodyReferral("Sam", "Secondperson", "02/02/1960", "Self-neglect.", "x"))
                .replace("999 000 0018", "999 000 0026");
        return ascii("From: " + sender() + "\r\nTo: " + TO + "\r\nSubject: Two referrals " + token + "\r\nMIME-Version: "
                + "1.0\r\nContent-Type: multipart/mixed; boundary=\"t\"\r\n\r\n--t\r\nContent-Type: text/plain\r\n\r\n"
                + "Two forms attached.\r\n--t\r\nContent-Type: text/plain; name=\"one.txt\"\r\nContent-Disposition: "
                + "attachment; filename=\"one.txt\"\r\n\r\n" + first + "\r\n--t\r\nContent-Type: text/plain; name=\""
                + "two.txt\"\r\nContent-Disposition: attachment; filename=\"two.txt\"\r\n\r\n" + second
                + "\r\n--t--\r\n");
    }

    private byte[] mutate(byte[] raw) {
        byte[] out = raw.clone();
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** Cut anywhere after the token (so that no two are the same bytes). */
    private byte[] truncate(byte[] raw, String token) {
        int keep = new String(raw, StandardCharsets.UTF_8).indexOf(token) + token.length();
        return java.util.Arrays.copyOf(raw, keep + random.nextInt(raw.length - keep));
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
