package uk.gov.redbridge.onepanel.extraction;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

import uk.gov.redbridge.onepanel.extraction.internal.Engines;
import uk.gov.redbridge.onepanel.extraction.internal.ExtractionEngine;

/**
 * Reads Appendix E referral forms: from one document ({@link #extract}) or from a whole email
 * ({@link #extractFromEmail}). The result is a {@link FormExtracted} with every field's value, confidence and
 * provenance, or an {@link ExtractionFailed} with the reason and an explanation free of personal data.
 *
 * <p>Documents are parsed in separate worker processes with memory, size and time limits
 * ({@code onepanel.extraction.*}); a document that breaks a limit is a failure with its reason, never an exception
 * that would stop the caller. Safe to call from several threads. Store {@link FilledForm#toJson()}; show the
 * secretariat {@code form.needingReview(extractor.reviewThreshold())}.
 */
@Service
public class FormExtractor implements AutoCloseable {

    private final ExtractionEngine engine;

    FormExtractor(ExtractionEngine engine) {
        this.engine = engine;
    }

    /**
     * An extractor outside the service (the command line, tools): configured from {@code onepanel.extraction.*}
     * properties given here or as JVM system properties, defaults for the rest. Close it to stop its workers.
     */
    public static FormExtractor standalone(Map<String, String> properties) {
        return new FormExtractor(Engines.standalone(properties));
    }

    /**
     * Reads one document: Word (.docx, .doc), OpenDocument, PDF (text, fillable or scanned), RTF, HTML, plain text or
     * an image.
     *
     * @param fileName its name: only its extension is used, as a hint to the type
     */
    public ExtractionResult extract(String fileName, byte[] content) {
        return engine.extract(fileName, content);
    }

    /**
     * Whether a document added by hand (an agency's return, a chronology) can be kept: read within the same limits
     * and in the same isolated worker as mail, without OCR. Refused when password-protected, damaged, of a kind the
     * service cannot open, empty, too large or too slow to read; never throws.
     */
    public DocumentCheck check(String fileName, byte[] content) {
        return engine.check(fileName, content);
    }

    /**
     * Finds the form in an email file (RFC 822 bytes, e.g. an {@code .eml} on the command line): the bytes are
     * parsed by {@code mailparsing}, then read as {@link #extractFromEmail(ParsedMail)} does. The service never
     * calls this: it passes the parsed message that {@code mailbox} hands out. Empty bytes: {@code empty}.
     */
    public ExtractionResult extractFromEmail(byte[] rfc822) {
        return engine.extractFromEmail(rfc822);
    }

    /**
     * Finds the form in a parsed email: every attachment, including forwarded messages' (the strongest
     * form wins; chronologies and letters are not forms), else a form typed into the text of the message. Without a
     * form: {@code no_form_found}, or the specific reason (encrypted, corrupt...) of an attachment that could not be
     * read.
     */
    public ExtractionResult extractFromEmail(ParsedMail mail) {
        return engine.extractFromEmail(mail);
    }

    /**
     * What an email answers: the form it carries if it carries one, else the fields that the sender's own words
     * give ("Date of birth: 2 May 1961" in a reply to a request for missing information), quoted text ignored.
     * Empty when it answers nothing.
     */
    public Optional<FilledForm> answersIn(ParsedMail mail) {
        return engine.answersInEmail(mail);
    }

    /**
     * The fields of the form the service reads (Appendix E), in form order with their sections, printed labels and
     * kinds, from {@code form-mappings/}: what a page, a paper or an export lists.
     */
    public FormLayout layout() {
        return engine.layouts().get(0);
    }

    /** The fields of the form a {@link FilledForm} was read as ({@link FilledForm#mappingId()}), else {@link #layout()}. */
    public FormLayout layout(FilledForm form) {
        return engine.layouts().stream().filter(l -> l.id().equals(form.mappingId())).findFirst()
                .orElseGet(this::layout);
    }

    /** The largest document read or kept, in bytes ({@code onepanel.extraction.limits.max-file-size}). */
    public long maxDocumentBytes() {
        return engine.maxDocumentBytes();
    }

    /** Fields with a confidence below this are to be checked by the secretariat. */
    public double reviewThreshold() {
        return engine.reviewThreshold();
    }

    @Override
    public void close() {
        engine.close();
    }
}
