package uk.gov.redbridge.onepanel.requests.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.ReturnDocumentContent;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** A return document's bytes: from the content store for one added by hand, else read again from its message. */
@Component
public class ReturnContents {

    private final ReturnDocuments documents;
    private final InboundMessages messages;
    private final ContentStore store;

    ReturnContents(ReturnDocuments documents, InboundMessages messages, ContentStore store) {
        this.documents = documents;
        this.messages = messages;
        this.store = store;
    }

    public Optional<ReturnDocumentContent> of(RequestId id, UUID documentId) {
        return documents.document(id, documentId).flatMap(d -> {
            Optional<ContentId> added = documents.contentOf(id, documentId);
            if (added.isPresent()) {
                return Optional.of(new ReturnDocumentContent(d.fileName(), d.contentType(), store.get(added.get())));
            }
            return ReturnParts.find(messages.parsed(d.messageId()), d.partPath())
                    .map(p -> new ReturnDocumentContent(d.fileName(), d.contentType(), p.content()));
        });
    }
}
