package uk.gov.redbridge.onepanel.exceptions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.exceptions.internal.ExceptionStore;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** The exceptions queue, for the secretariat's pages and the API. */
@Service
public class ExceptionsQueue {

    private final ExceptionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExceptionsQueue(ExceptionStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Oldest first. */
    public List<ExceptionItem> open(int limit) {
        return store.list(ExceptionStatus.OPEN, limit);
    }

    public List<ExceptionItem> resolved(int limit) {
        return store.list(ExceptionStatus.RESOLVED, limit);
    }

    /** The largest page the pages and the API ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * A page of the items the filter matches, oldest first, with how many match in all.
     *
     * @param page 1-based
     * @param size at most {@link #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException for a page below 1 or a size out of range
     */
    public ExceptionPage page(ExceptionFilter filter, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page from 1, size from 1 to " + MAX_PAGE_SIZE);
        }
        long total = store.count(filter);
        long offset = (long) (page - 1) * size;
        List<ExceptionItem> items = offset >= total ? List.of() : store.page(filter, (int) offset, size);
        return new ExceptionPage(items, total, page, size);
    }

    /** Open items by the mailbox they came from (its configured name). */
    public Map<String, Integer> openCountsByMailbox() {
        return store.openCountsByMailbox();
    }

    /** Keeps the names of an item's attachments, for its row in the queue (an item raised before they were kept). */
    @Transactional
    public void keepAttachmentNames(ExceptionId id, List<String> names) {
        store.attachmentNames(id, names);
    }

    /**
     * Undoes a resolution (an email attached to the wrong referral): the item is open again, and belongs to the
     * referral its email named before. False if it was not resolved.
     */
    @Transactional
    public boolean reopen(ExceptionId id, String actor) {
        String before = store.find(id).map(ExceptionItem::referralReference).orElse(null);
        boolean done = store.reopen(id);
        if (done) {
            events.publishEvent(new ExceptionReopened(id, actor, before));
        }
        return done;
    }

    public Map<ExceptionReason, Integer> openCountsByReason() {
        return store.openCountsByReason();
    }

    public Optional<ExceptionItem> find(ExceptionId id) {
        return store.find(id);
    }

    public List<ExceptionItem> forMessage(InboundMessageId messageId) {
        return store.forMessage(messageId);
    }

    /** Every item, open or resolved, that belongs to a referral, oldest first. */
    public List<ExceptionItem> forReferral(String referralReference) {
        return store.forReferral(referralReference);
    }

    /** Records who resolved an item, how and when; false if it was already resolved. */
    @Transactional
    public boolean resolve(ExceptionId id, String resolution, String actor, String note) {
        return resolve(id, resolution, actor, note, null);
    }

    /**
     * As {@link #resolve(ExceptionId, String, String, String)}, for a resolution that ties the item to a referral
     * (one created from it, or the one its message was attached to): the item then belongs to that referral's case.
     */
    @Transactional
    public boolean resolve(ExceptionId id, String resolution, String actor, String note, String referralReference) {
        boolean done = store.resolve(id, clock.instant(), actor, resolution, note, referralReference);
        if (done) {
            events.publishEvent(new ExceptionResolved(id, resolution, actor));
        }
        return done;
    }
}
