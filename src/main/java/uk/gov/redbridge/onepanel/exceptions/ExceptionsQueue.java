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
