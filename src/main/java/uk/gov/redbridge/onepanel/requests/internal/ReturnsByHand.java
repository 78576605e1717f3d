package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.extraction.DocumentCheck;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnAdded;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * An agency's return that did not come by email (through a secure portal such as Egress, or on paper and scanned),
 * added by the secretariat: read first in the same bounded, isolated worker as mail (outside any transaction, as it
 * can take a while), then, in one transaction, its bytes stored, its row written and the request answered the way a
 * matched reply answers it.
 */
@Component
public class ReturnsByHand {

    static final String ACTION = "return-by-hand:";

    private final RequestRepository repository;
    private final RequestActions actions;
    private final ReturnDocuments documents;
    private final ReturnRecorder recorder;
    private final ScreeningProgress progress;
    private final FormExtractor extractor;
    private final ContentStore store;
    private final ReferralLog referrals;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory;

    ReturnsByHand(RequestRepository repository, RequestActions actions, ReturnDocuments documents,
            ReturnRecorder recorder, ScreeningProgress progress, FormExtractor extractor, ContentStore store,
            ReferralLog referrals, TransactionTemplate tx, Clock clock,
            uk.gov.redbridge.onepanel.agencies.AgencyDirectory directory) {
        this.directory = directory;
        this.repository = repository;
        this.actions = actions;
        this.documents = documents;
        this.recorder = recorder;
        this.progress = progress;
        this.extractor = extractor;
        this.store = store;
        this.referrals = referrals;
        this.tx = tx;
        this.clock = clock;
    }

    public ReturnAdded add(ReferralReference reference, String agencyCode, String fileName, String contentType,
            byte[] content, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a document added by hand needs the name of who added it");
        }
        Optional<InformationRequest> found = reference == null || agencyCode == null || agencyCode.isBlank()
                ? Optional.empty() : repository.find(reference, agencyCode);
        if (found.isEmpty()) {
            return new ReturnAdded.NoSuchRequest(reference, agencyCode);
        }
        if (found.get().status() == RequestStatus.CANCELLED) {
            return cancelled(found.get());
        }
        HandAddedDocument document = HandAddedDocument.of(fileName, contentType, content);
        DocumentCheck check = extractor.check(document.fileName(), document.content());
        if (!check.accepted()) {
            return new ReturnAdded.Refused(check.reason(), check.explanation());
        }
        return tx.execute(status -> record(found.get(), document, check.kind(), actor));
    }

    private ReturnAdded record(InformationRequest found, HandAddedDocument document, String kind, String actor) {
        // locked, and read again: it may have been answered or cancelled, or this file added, while it was read
        InformationRequest request = repository.lock(found.id()).orElseThrow();
        if (request.status() == RequestStatus.CANCELLED) {
            return cancelled(request);
        }
        Optional<ReturnDocument> same = documents.documentWithSha(request.id(), document.sha256());
        if (same.isPresent()) {
            return new ReturnAdded.AlreadyAdded(request.id(), same.get().id());
        }
        Instant now = clock.instant();
        // the bytes before the row: a rollback may leave bytes nothing points at, never a row without its bytes
        ContentId content = store.put(document.content());
        ReturnDocument added = new ReturnDocument(UUID.randomUUID(), request.id(), null, null, document.fileName(),
                document.contentType(), document.content().length, document.sha256(), now, actor);
        documents.addDocumentByHand(added, content);
        boolean closed = recorder.answer(request, RequestStatus.RETURNED, MatchRule.BY_HAND, null, now);
        String late = ReturnRecorder.late(request) ? ", after the due date" : "";
        String agency = directory.nameOf(request.agencyCode());
        String what = closed ? "Return from " + agency + " added by hand (" + kind + ")" + late
                : "Further document from " + agency + " added by hand (" + kind + ") after its answer";
        int earlier = actions.countActions(request.id(), ACTION);
        actions.insertAction(request.id(), new RequestAction(ACTION + (earlier + 1),
                LocalDate.ofInstant(now, clock.getZone()), now, "ADDED", null, what + "; document " + added.id(),
                actor));
        referrals.note(request.reference(), "REQUESTS", what, actor);
        progress.check(request.reference());
        return new ReturnAdded.Added(request.id(), added.id(), closed);
    }

    private static ReturnAdded cancelled(InformationRequest request) {
        return new ReturnAdded.RequestCancelled(request.id(), "The request " + request.token()
                + " was cancelled, so it takes no return. To keep the document with the case, add it to the "
                + "referral's documents.");
    }
}
