package uk.gov.redbridge.onepanel.extraction.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.extraction.ExtractionFailed;
import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.mailparsing.ReplyText;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PlainTextReader;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;

/**
 * Finds the referral form in an email: every attachment is tried, including those of forwarded messages, and the
 * strongest form wins; a chronology or a letter is not a form. When no attachment holds one, the text of the email
 * (and of forwarded messages) is read as a form typed into the message. Explanations name attachments by position
 * and type, never by file name (names often carry the subject's name).
 */
final class EmailReading {

    static final String BODY = "(email body)";

    /** Failures that say something specific about the one attachment that could have been the form. */
    private static final Set<FailureReason> SPECIFIC = EnumSet.of(FailureReason.ENCRYPTED, FailureReason.CORRUPT,
            FailureReason.NEEDS_OCR, FailureReason.TOO_LARGE, FailureReason.TIMEOUT);

    private final ExtractionEngine engine;

    EmailReading(ExtractionEngine engine) {
        this.engine = engine;
    }

    private record Failure(int position, String type, FailureReason reason, String explanation) {
    }

    ExtractionResult read(byte[] rfc822) {
        if (rfc822 == null || rfc822.length == 0) {
            return new ExtractionFailed(FailureReason.EMPTY, "the message is empty");
        }
        return read(MailParser.parse(rfc822), true);
    }

    ExtractionResult read(MailAnatomy.ParsedMail mail) {
        return read(mail, true);
    }

    /**
     * @param notes whether a few labelled lines that name a person and give a reason count as a referral (for a
     *              new message to a panel mailbox; not for a reply, whose quoted history would count)
     */
    private ExtractionResult read(MailAnatomy.ParsedMail mail, boolean notes) {
        ExtractionEngine.Reading best = null;
        String bestSource = null;
        List<Failure> failures = new ArrayList<>();
        List<FormExtracted> forms = new ArrayList<>();
        int position = 0;
        int tried = 0;
        List<Failure> empty = new ArrayList<>();
        for (MailAnatomy.MailAttachment a : mail.attachments()) {
            position++;
            if (ignorable(a)) {
                continue;
            }
            if (a.content().length == 0) {
                empty.add(new Failure(position, type(a), FailureReason.EMPTY, "the file is empty (0 bytes)"));
                continue;
            }
            tried++;
            try {
                DocumentLayout layout = engine.parse(a.fileName(), a.content());
                ExtractionEngine.Reading reading = engine.read(layout, a.fileName());
                if (reading != null) {
                    forms.add(new FormExtracted(reading.form(), a.fileName()));
                }
                if (reading != null && (best == null || reading.strength() > best.strength())) {
                    best = reading;
                    bestSource = a.fileName();
                }
            } catch (ReadFailure f) {
                failures.add(new Failure(position, type(a), f.reason(), f.explanation()));
            }
        }
        if (best != null) {
            FilledForm chosen = best.form();
            // every other attachment read as a form: intake checks they are about the same person
            return new FormExtracted(chosen, bestSource, forms.stream().filter(f -> f.form() != chosen).toList());
        }
        // a reply's quoted history is not what its sender said: only their own words can be a form
        for (String body : notes ? bodies(mail) : List.of(ReplyText.newText(mail))) {
            ExtractionEngine.Reading reading = readBody(body);
            if (reading != null && (best == null || reading.strength() > best.strength())) {
                best = reading;
            }
        }
        if (best != null) {
            return new FormExtracted(best.form(), BODY);
        }
        // a few lines naming a person and giving a reason: a referral, though not on the form
        for (String body : notes ? bodies(mail) : List.<String>of()) {
            ExtractionEngine.Reading reading = readNote(body);
            if (reading != null && (best == null || reading.strength() > best.strength())) {
                best = reading;
            }
        }
        if (best != null) {
            return new FormExtracted(best.form(), BODY);
        }
        List<Failure> specific = failures.stream().filter(f -> SPECIFIC.contains(f.reason())).toList();
        if (!specific.isEmpty()) {
            Failure f = specific.get(0);
            String more = specific.size() > 1 ? " (and " + (specific.size() - 1) + " more attachment"
                    + (specific.size() > 2 ? "s" : "") + " could not be read)" : "";
            return new ExtractionFailed(f.reason(), "no readable attachment or text holds a referral form; attachment "
                    + f.position() + " (" + f.type() + "): " + f.explanation() + more);
        }
        boolean noText = bodies(mail).stream().allMatch(String::isBlank);
        if (tried == 0 && !empty.isEmpty()) {
            Failure f = empty.get(0);
            return new ExtractionFailed(FailureReason.EMPTY, "no attachment or text holds a referral form; attachment "
                    + f.position() + " (" + f.type() + ") is empty (0 bytes)" + (empty.size() > 1 ? " and so are "
                    + (empty.size() - 1) + " more" : ""));
        }
        if (tried == 0 && noText) {
            return new ExtractionFailed(FailureReason.EMPTY, "the message has no text and no attachments");
        }
        return new ExtractionFailed(FailureReason.NO_FORM_FOUND, "no attachment and no text in the message holds a"
                + " referral form (" + tried + " attachment" + (tried == 1 ? "" : "s") + " read)");
    }

    /**
     * What an email answers: a whole form if one is attached or typed, else the fields that the words its sender
     * wrote (quotes of earlier mail removed) give, e.g. "Date of birth: 2 May 1961" in a reply.
     */
    Optional<FilledForm> answers(MailAnatomy.ParsedMail mail) {
        ExtractionResult whole = read(mail, false);
        if (whole instanceof FormExtracted extracted) {
            return Optional.of(extracted.form());
        }
        String own = ReplyText.newText(mail);
        if (own.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(engine.readAnswers(PlainTextReader.read(own, "text"), BODY));
    }

    private ExtractionEngine.Reading readBody(String body) {
        DocumentLayout layout = layout(body);
        return layout == null ? null : engine.read(layout, BODY);
    }

    private ExtractionEngine.Reading readNote(String body) {
        if (body == null || body.isBlank() || looksLikeHtml(body)) {
            return null;
        }
        return engine.readNote(PlainTextReader.read(body, "text"), BODY);
    }

    private DocumentLayout layout(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (looksLikeHtml(body)) {
            try {
                return engine.parse("body.html", body.getBytes(StandardCharsets.UTF_8));
            } catch (ReadFailure e) {
                return null;
            }
        }
        return PlainTextReader.read(body, "text");
    }

    /**
     * The message's own text (plain, else HTML), then each forwarded message's; a text forwarded inline (below an
     * "-----Original Message-----" or From:/Sent: block) also in its parts, each read on its own.
     */
    private static List<String> bodies(MailAnatomy.ParsedMail mail) {
        List<String> out = new ArrayList<>();
        if (mail.textBody() != null && !mail.textBody().isBlank()) {
            out.add(mail.textBody());
            withParts(out, mail.textBody());
        }
        if (mail.htmlBody() != null && !mail.htmlBody().isBlank()) {
            // the HTML may keep a table the plain-text version flattened
            out.add(mail.htmlBody());
            if (mail.textBody() == null || mail.textBody().isBlank()) {
                withParts(out, ReplyText.htmlToText(mail.htmlBody()));
            }
        }
        for (String forwarded : mail.forwardedBodies()) {
            out.add(forwarded);
            withParts(out, looksLikeHtml(forwarded) ? ReplyText.htmlToText(forwarded) : forwarded);
        }
        return out;
    }

    private static void withParts(List<String> out, String text) {
        List<String> parts = ForwardedText.parts(text);
        if (parts.size() > 1) {
            out.addAll(parts);
        }
    }

    private static boolean looksLikeHtml(String body) {
        String head = body.substring(0, Math.min(body.length(), 4000)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<body") || head.contains("<p") || head.contains("<div")
                || head.contains("<table") || head.contains("<br");
    }

    /** Parts that are never a form: calendar invitations, signatures, contact cards, delivery reports. */
    private static boolean ignorable(MailAnatomy.MailAttachment a) {
        String type = a.contentType() == null ? "" : a.contentType();
        String name = a.fileName() == null ? "" : a.fileName().toLowerCase(Locale.ROOT);
        return type.startsWith("text/calendar") || type.equals("text/vcard") || type.equals("text/x-vcard")
                || type.startsWith("application/pkcs7-signature") || type.startsWith("application/x-pkcs7-signature")
                || type.startsWith("message/delivery-status") || name.endsWith(".ics") || name.endsWith(".vcf")
                || name.endsWith(".p7s") || name.equals("winmail.dat");
    }

    /** What kind of file an attachment is, from its extension or type: never its name. */
    private static String type(MailAnatomy.MailAttachment a) {
        String name = a.fileName() == null ? "" : a.fileName().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 && name.length() - dot <= 6 ? name.substring(dot + 1) : "";
        if (ext.matches("[a-z0-9]{1,5}")) {
            return ext.toUpperCase(Locale.ROOT);
        }
        return a.contentType() == null ? "file" : a.contentType();
    }
}
