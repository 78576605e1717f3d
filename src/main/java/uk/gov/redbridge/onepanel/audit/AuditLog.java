package uk.gov.redbridge.onepanel.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.audit.internal.AuditRepository;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The audit log: append, and read per case. */
@Service
public class AuditLog {

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    public void record(AuditRecord record) {
        repository.append(record);
    }

    /**
     * Everything recorded about a referral, oldest first: rows naming it, and rows about the exceptions that led to
     * it or belong to it.
     */
    public List<AuditRecord> forReferral(ReferralReference reference, Collection<UUID> exceptionIds) {
        return repository.forReferral(reference.toString(), exceptionIds);
    }
}
