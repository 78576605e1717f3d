package uk.gov.redbridge.onepanel.triage.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.MailAnatomy;
import uk.gov.redbridge.onepanel.extraction.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;

/** An immutable view of one message, read once, that every triage rule looks at. */
record MessageFacts(InboundMessage message, ParsedMail mail) {

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

    /** Message ids in In-Reply-To then References (newest first), with angle brackets. */
    List<String> threadIds() {
        List<String> out = new ArrayList<>(ids(mail.header("In-Reply-To")));
        List<String> references = ids(mail.header("References"));
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!out.contains(references.get(i))) {
                out.add(references.get(i));
            }
        }
        return out;
    }

    /** Attachments that could be a form or a return: Word, PDF, OpenDocument, RTF, images. */
    boolean hasDocuments() {
        return mail.attachments().stream().anyMatch(a -> DOCUMENT_TYPES.contains(a.contentType())
                || a.fileName().toLowerCase(Locale.ROOT).matches(".*\\.(docx?|pdf|odt|rtf|jpe?g|png|tiff?|dat)$"));
    }

    boolean hasContent() {
        return !mail.attachments().isEmpty() || !mail.body().isBlank() || !mail.forwardedBodies().isEmpty();
    }

    private static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
