package uk.gov.redbridge.onepanel.exceptions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** What the facade reads and writes. */
@Component
public class ExceptionStore {

    private final ExceptionRepository repository;

    ExceptionStore(ExceptionRepository repository) {
        this.repository = repository;
    }

    public List<ExceptionItem> list(ExceptionStatus status, int limit) {
        return repository.list(status, limit);
    }

    public java.util.List<ExceptionItem> page(uk.gov.redbridge.onepanel.exceptions.ExceptionFilter filter, int offset,
            int limit) {
        return repository.page(filter, offset, limit);
    }

    public long count(uk.gov.redbridge.onepanel.exceptions.ExceptionFilter filter) {
        return repository.count(filter);
    }

    public Map<String, Integer> openCountsByMailbox() {
        return repository.openCountsByMailbox();
    }

    public boolean reopen(ExceptionId id) {
        return repository.reopen(id);
    }

    public void attachmentNames(ExceptionId id, List<String> names) {
        repository.attachmentNames(id, names);
    }

    public Map<ExceptionReason, Integer> openCountsByReason() {
        return repository.openCountsByReason();
    }

    public Optional<ExceptionItem> find(ExceptionId id) {
        return repository.find(id);
    }

    public List<ExceptionItem> forMessage(InboundMessageId messageId) {
        return repository.forMessage(messageId);
    }

    public boolean resolve(ExceptionId id, Instant at, String actor, String resolution, String note,
            String referralReference) {
        return repository.resolve(id, at, actor, resolution, note, referralReference);
    }

    public List<ExceptionItem> forReferral(String referralReference) {
        return repository.forReferral(referralReference);
    }
}
