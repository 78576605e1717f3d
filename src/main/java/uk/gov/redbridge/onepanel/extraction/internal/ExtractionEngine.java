package uk.gov.redbridge.onepanel.extraction.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

import uk.gov.redbridge.onepanel.extraction.DocumentCheck;
import uk.gov.redbridge.onepanel.extraction.ExtractionFailed;
import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.locating.FieldLocator;
import uk.gov.redbridge.onepanel.extraction.internal.locating.LocatedForm;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.Layouts;
import uk.gov.redbridge.onepanel.extraction.internal.normalising.FieldNormaliser;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.DocumentParser;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;

/**
 * Reads documents and emails into forms: parse (through the {@link DocumentParser}), find which mapping the
 * document matches and locate its fields, normalise and check them.
 */
public final class ExtractionEngine implements AutoCloseable {

    /** A document read as a form, with how strongly it matched (to choose between an email's attachments). */
    record Reading(FilledForm form, double strength) {
    }

    private final List<FieldLocator> locators;
    private final List<uk.gov.redbridge.onepanel.extraction.FormLayout> layouts;
    private final DocumentParser parser;
    private final FieldNormaliser normaliser;
    private final double reviewThreshold;
    private final EmailReading email;

    public ExtractionEngine(FormMappings mappings, DocumentParser parser, Clock clock, double reviewThreshold) {
        this.locators = mappings.all().stream().map(FieldLocator::new).toList();
        this.layouts = mappings.all().stream().map(Layouts::of).toList();
        this.parser = parser;
        this.normaliser = new FieldNormaliser(clock);
        this.reviewThreshold = reviewThreshold;
        this.email = new EmailReading(this);
    }

    /**
     * Reads a built-in email (no personal data) once and throws the result away: the service's own part of reading
     * (MIME, locating, normalising) is then loaded and initialised before the first referral, as the parsing workers
     * are by their warm-up documents. Waits for a worker like any document.
     */
    public void warmUp() {
        extractFromEmail(uk.gov.redbridge.onepanel.extraction.internal.parsing.WarmUpDocuments.email());
    }

    /** The parser documents are read with (for its health). */
    DocumentParser parser() {
        return parser;
    }

    /** The fields of each form mapping in use, in the order of the mappings. */
    public List<uk.gov.redbridge.onepanel.extraction.FormLayout> layouts() {
        return layouts;
    }

    public long maxDocumentBytes() {
        return parser.limits().maxBytes();
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    public ExtractionResult extract(String fileName, byte[] content) {
        try {
            DocumentLayout layout = parser.parse(fileName, content);
            Reading reading = read(layout, fileName);
            if (reading == null) {
                return new ExtractionFailed(FailureReason.NOT_A_FORM, "the " + describe(layout)
                        + " can be read but is not a referral form (too few of the form's fields were found)");
            }
            return new FormExtracted(reading.form(), fileName);
        } catch (ReadFailure f) {
            return new ExtractionFailed(f.reason(), f.explanation());
        }
    }

    /**
     * Whether a document can be kept as a paper: read in the same bounded worker as a form, without OCR. A scan
     * (no text without OCR) or a document without text (a picture in a Word file) is kept as it is; a document that
     * is password-protected, damaged, of a kind the service cannot open, too large or too slow to read is refused.
     */
    public DocumentCheck check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return DocumentCheck.refused(FailureReason.EMPTY, "the file is empty");
        }
        try {
            DocumentLayout layout = parser.parse(fileName, content, parser.limits().forChecking());
            return DocumentCheck.accepted(describe(layout));
        } catch (ReadFailure f) {
            return switch (f.reason()) {
                case NEEDS_OCR -> DocumentCheck.accepted("scan");
                case EMPTY -> DocumentCheck.accepted("document without text");
                case NOT_A_FORM -> DocumentCheck.refused(FailureReason.NOT_A_FORM, f.explanation()
                        + " (PDF, Word, OpenDocument, RTF, text and image files can be added)");
                default -> DocumentCheck.refused(f.reason(), f.explanation());
            };
        }
    }

    public ExtractionResult extractFromEmail(byte[] rfc822) {
        return email.read(rfc822);
    }

    public ExtractionResult extractFromEmail(ParsedMail mail) {
        return email.read(mail);
    }

    /** Parses a document; a failure is returned, not thrown, so that an email's other attachments can be tried. */
    DocumentLayout parse(String fileName, byte[] content) throws ReadFailure {
        return parser.parse(fileName, content);
    }

    /** The best mapping's reading of a layout, or null when it matches none. */
    Reading read(DocumentLayout layout, String sourceName) {
        LocatedForm best = null;
        for (FieldLocator locator : locators) {
            LocatedForm located = locator.locate(layout);
            if (located.recognised() && (best == null || located.strength() > best.strength())) {
                best = located;
            }
        }
        if (best == null) {
            return null;
        }
        return new Reading(normaliser.normalise(best, sourceName), best.strength());
    }

    /**
     * A referral written as a few labelled lines rather than on the form (typed into an email): read when it names
     * the subject (first and last name, or a full name) and gives a reason for the referral, however few its other
     * fields; null otherwise. Whatever else the referral needs is asked for when it is logged.
     */
    Reading readNote(DocumentLayout layout, String sourceName) {
        LocatedForm best = null;
        for (FieldLocator locator : locators) {
            LocatedForm located = locator.locate(layout);
            if (located.namesSubjectAndReason() && (best == null || located.strength() > best.strength())) {
                best = located;
            }
        }
        return best == null ? null : new Reading(normaliser.normalise(best, sourceName), best.strength());
    }

    /**
     * The fields a layout answers even when it is not a whole form (a referrer's reply giving a date of birth):
     * the mapping that locates most, or null when none locates anything.
     */
    FilledForm readAnswers(DocumentLayout layout, String sourceName) {
        LocatedForm best = null;
        for (FieldLocator locator : locators) {
            LocatedForm located = locator.locate(layout);
            if (located.distinctFields() > 0 && (best == null || located.strength() > best.strength())) {
                best = located;
            }
        }
        return best == null ? null : normaliser.normalise(best, sourceName);
    }

    public Optional<FilledForm> answersInEmail(ParsedMail mail) {
        return email.answers(mail);
    }

    static String describe(DocumentLayout layout) {
        return switch (layout.format()) {
            case "docx", "doc" -> "Word document";
            case "odt" -> "OpenDocument text";
            case "pdf" -> "PDF";
            case "scan" -> "scan";
            case "html" -> "web page";
            case "rtf" -> "RTF document";
            case "text" -> "text";
            default -> "document";
        };
    }

    @Override
    public void close() {
        parser.close();
    }
}
