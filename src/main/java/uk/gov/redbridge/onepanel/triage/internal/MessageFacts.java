package uk.gov.redbridge.onepanel.triage.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;

/** An immutable view of one message, read once, that every triage rule looks at. */
record MessageFacts(InboundMessage message, ParsedMail mail) {

    /** How many thread ids are looked at: a real thread has tens; a hostile References header 600,000. */
    static final int MAX_THREAD_IDS = 1_000;
    /** RFC 5322 sets no limit; the mailbox module keeps Message-IDs to 995 characters. */
    private static final int MAX_ID_LENGTH = 995;

    private static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "application/rtf", "text/rtf", "image/jpeg", "image/png",
            "image/tiff");

    String header(String name) {
        return mail.header(name);
    }

    boolean hasHeader(String name) {
        return mail.header(name) != null;
    }

    String subject() {
        String s = mail.header("Subject");
        return s == null ? "" : s;
    }

    String fromAddress() {
        List<String> from = MailAnatomy.addresses(mail.header("From"));
        return from.isEmpty() ? "" : from.get(0);
    }

    /** Every address the message was delivered or addressed to, lower case. */
    List<String> recipients() {
        Set<String> out = new LinkedHashSet<>();
        message.recipients().forEach(r -> out.add(r.toLowerCase(Locale.ROOT)));
        for (String h : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
            mail.headers(h).forEach(v -> out.addAll(MailAnatomy.addresses(v)));
        }
        return new ArrayList<>(out);
    }

    /**
     * Message ids in In-Reply-To then References (newest first), with angle brackets, each once. De-duplicated with a
     * set (a list's {@code contains} made 600,000 references take minutes), and at most {@link #MAX_THREAD_IDS}: the
     * newest, and the first reference (the root of the thread, often the service's own acknowledgement).
     */
    List<String> threadIds() {
        Set<String> out = new LinkedHashSet<>(ids(mail.header("In-Reply-To")));
        List<String> references = ids(mail.header("References"));
        for (int i = references.size() - 1; i >= 0 && out.size() < MAX_THREAD_IDS - 1; i--) {
            out.add(references.get(i));
        }
        if (!references.isEmpty()) {
            out.add(references.get(0));
        }
        return new ArrayList<>(out);
    }

    /** Attachments that could be a form or a return: Word, PDF, OpenDocument, RTF, images. */
    boolean hasDocuments() {
        return mail.attachments().stream().anyMatch(a -> DOCUMENT_TYPES.contains(a.contentType())
                || a.fileName().toLowerCase(Locale.ROOT).matches(".*\\.(docx?|pdf|odt|rtf|jpe?g|png|tiff?|dat)$"));
    }

    boolean hasContent() {
        return !mail.attachments().isEmpty() || !mail.body().isBlank() || !mail.forwardedBodies().isEmpty();
    }

    /** The {@code <id>}s of a header, read in one pass. */
    private static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        int open = -1;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<') {
                open = i;
            } else if (c == '>' && open >= 0) {
                if (i - open > 1 && i - open <= MAX_ID_LENGTH) {
                    out.add(header.substring(open, i + 1));
                }
                open = -1;
            } else if (Character.isWhitespace(c)) {
                open = -1;
            }
        }
        return out;
    }
}
