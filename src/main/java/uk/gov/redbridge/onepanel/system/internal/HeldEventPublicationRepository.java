package uk.gov.redbridge.onepanel.system.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Spring Modulith's JDBC registry, unchanged, plus bookkeeping of which publications this instance holds
 * ({@link InFlightPublications}): one it stores or takes over for redelivery is held until it is completed or
 * marked failed.
 */
class HeldEventPublicationRepository implements EventPublicationRepository {

    private final EventPublicationRepository delegate;
    private final InFlightPublications held;

    HeldEventPublicationRepository(EventPublicationRepository delegate, InFlightPublications held) {
        this.delegate = delegate;
        this.held = held;
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        TargetEventPublication created = delegate.create(publication);
        held.hold(publication.getIdentifier());
        return created;
    }

    @Override
    public void markProcessing(UUID identifier) {
        delegate.markProcessing(identifier);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        delegate.markCompleted(identifier, completionDate);
        held.release(identifier);
    }

    @Override
    public void markFailed(UUID identifier) {
        delegate.markFailed(identifier);
        held.release(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        boolean claimed = delegate.markResubmitted(identifier, resubmissionDate);
        if (claimed) {
            held.hold(identifier);
        }
        return claimed;
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return delegate.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return delegate.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return delegate.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        delegate.deletePublications(identifiers);
        identifiers.forEach(held::release);
    }

    @Override
    public void deleteCompletedPublications() {
        delegate.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        delegate.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return delegate.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return delegate.findByStatus(status);
    }

    @Override
    public int countByStatus(Status status) {
        return delegate.countByStatus(status);
    }
}
