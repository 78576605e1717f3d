package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.extraction.DocumentCheck;
import uk.gov.redbridge.onepanel.extraction.ExtractionFailed;
import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.referrals.DocumentAdded;
import uk.gov.redbridge.onepanel.referrals.DocumentUpload;
import uk.gov.redbridge.onepanel.referrals.FieldConflict;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.web.UploadedFiles;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * Documents the secretariat adds to a referral by hand. They go through the same bounded reading as an email's
 * attachments, in the isolated parsing workers: a form is read in full (with OCR for a scan), any other paper is
 * opened without OCR to prove it is not password-protected, damaged, of an unknown kind or too large. What cannot be
 * kept is refused with its reason, and nothing is stored. The bytes go to the content store (encrypted at rest) in
 * the same transaction as the document's row.
 *
 * <p>A form fills only the fields the referral lacks (as a referrer's reply does); fields where it says something
 * else are listed for the field review page, never overwritten by the machine.
 */
@Component
public class DocumentsAddedByHand {

    private final FormExtractor extractor;
    private final ContentStore contents;
    private final ReferralRepository repository;
    private final ReferralDocuments documents;
    private final ReferralTimeline timeline;
    private final FieldRecords fieldRecords;
    private final ReferralWriter writer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DocumentsAddedByHand(FormExtractor extractor, ContentStore contents, ReferralRepository repository,
            ReferralDocuments documents, ReferralTimeline timeline, FieldRecords fieldRecords, ReferralWriter writer,
            PlatformTransactionManager transactions, Clock clock) {
        this.extractor = extractor;
        this.contents = contents;
        this.repository = repository;
        this.documents = documents;
        this.timeline = timeline;
        this.fieldRecords = fieldRecords;
        this.writer = writer;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public DocumentAdded add(Referral referral, DocumentUpload upload, String actor) {
        String name = UploadedFiles.baseName(upload.fileName());
        byte[] bytes = upload.content() == null ? new byte[0] : upload.content();
        // reading can take minutes (OCR): outside any transaction
        FilledForm form = null;
        String kind;
        if (upload.kind() == DocumentUpload.Kind.FORM) {
            ExtractionResult result = extractor.extract(name, bytes);
            if (result instanceof ExtractionFailed failed) {
                return DocumentAdded.refused(failed.reason().code(), formRefusal(failed));
            }
            form = ((FormExtracted) result).form();
            kind = "referral form";
        } else {
            DocumentCheck check = extractor.check(name, bytes);
            if (!check.accepted()) {
                return DocumentAdded.refused(check.reason().code(), capitalised(check.explanation()) + ".");
            }
            kind = check.kind();
        }
        FilledForm read = form;
        String what = kind;
        return transaction.execute(status -> store(referral, upload, name, bytes, read, what, actor));
    }

    public long maxBytes() {
        return extractor.maxDocumentBytes();
    }

    /** The bytes of a document added by hand; empty for a document that is part of a message. */
    public Optional<byte[]> bytes(UUID documentId) {
        return documents.contentOf(documentId).map(contents::get);
    }

    private DocumentAdded store(Referral referral, DocumentUpload upload, String name, byte[] bytes,
            FilledForm form, String kind, String actor) {
        repository.lock(referral.id());
        String sha = ContentStore.sha256Hex(bytes);
        Optional<ReferralDocument> held = documents.documentWithSha(referral.id(), sha);
        if (held.isPresent()) {
            return DocumentAdded.alreadyHeld(held.get().id());
        }
        // the referral as it is now, under the lock: not as it was when the upload began
        Referral current = repository.find(referral.id()).orElseThrow();
        List<SubjectIdentity.Difference> otherPerson = form == null ? List.of()
                : SubjectIdentity.between(current.form(), form);
        if (!otherPerson.isEmpty() && !upload.otherPersonConfirmed()) {
            // a form about someone else: nothing is kept, nothing reaches the referral, until a person says so
            return DocumentAdded.otherPerson(otherPerson.stream().map(d -> new DocumentAdded.SubjectDifference(
                    d.key(), d.held(), d.other())).toList());
        }
        Instant now = clock.instant();
        ContentId content = contents.put(bytes);
        String role = upload.kind() == DocumentUpload.Kind.FORM ? "FORM" : "ADDED";
        ReferralDocument document = new ReferralDocument(UUID.randomUUID(), null, null, name,
                UploadedFiles.mediaType(upload.contentType()), bytes.length, sha, role, now, actor);
        documents.addDocumentByHand(referral.id(), document, content);
        if (form == null) {
            timeline.addEvent(referral.id(), now, "DOCUMENT", "A paper (" + kind + ") was added by hand", actor);
            return DocumentAdded.added(document.id(), List.of(), List.of());
        }
        FormGaps gaps = FormGaps.fill(current.form(), form);
        timeline.addEvent(referral.id(), now, "DOCUMENT", "A referral form was added by hand"
                + (otherPerson.isEmpty() ? "" : " (confirmed by " + actor + " as about the same person, although "
                        + FormGaps.labels(otherPerson.stream().map(SubjectIdentity.Difference::key).toList())
                        + " differ)"), actor);
        if (gaps.changed()) {
            writer.replaceForm(referral.id(), gaps.form(), actor,
                    "Fields added from the form added by hand: " + gaps.filledList());
            if (current.status() == ReferralStatus.NEEDS_INFORMATION
                    && RequiredFields.missing(gaps.form()).isEmpty()) {
                writer.changeStatus(referral.id(), ReferralStatus.RECEIVED, actor,
                        "the form added by hand supplied the missing information");
            }
        }
        if (!gaps.differing().isEmpty()) {
            String source = "the form added by hand (" + name + ")";
            for (String key : gaps.differing()) {
                fieldRecords.addConflict(referral.id(), new FieldConflict(UUID.randomUUID(), key,
                        current.form().value(key).orElse(""), form.value(key).orElse(""), source, now, actor));
            }
            timeline.addEvent(referral.id(), now, "FORM", "The form added by hand gives other values for: "
                    + gaps.differingList() + " (kept as held; both are shown on the field review page)", actor);
        }
        return DocumentAdded.added(document.id(), gaps.filled(), gaps.differing());
    }

    private static String formRefusal(ExtractionFailed failed) {
        if (failed.reason() == FailureReason.NOT_A_FORM) {
            return "The file can be read but is not a referral form. To keep it, add it as another document.";
        }
        return capitalised(failed.explanation()) + ".";
    }

    private static String capitalised(String s) {
        if (s == null || s.isEmpty()) {
            return "The file cannot be kept";
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
