package uk.gov.redbridge.onepanel.audit.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.audit.AuditRecord;
import uk.gov.redbridge.onepanel.exceptions.ExceptionResolved;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.referrals.ReferralFieldsReviewed;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralLogged;
import uk.gov.redbridge.onepanel.referrals.ReferralPathwayChanged;
import uk.gov.redbridge.onepanel.referrals.ReferralStatusChanged;
import uk.gov.redbridge.onepanel.referrals.ReferenceNotUsed;

/**
 * Changes, as the modules announce them: whoever made them (a person on a page, an API client, or the service
 * itself). Delivered at least once, so after a crash a line may appear twice; never not at all.
 */
@Component
class ChangeAudit {

    private final AuditLog audit;
    private final ReferralLog referrals;
    private final ExceptionsQueue exceptions;
    private final Clock clock;

    ChangeAudit(AuditLog audit, ReferralLog referrals, ExceptionsQueue exceptions, Clock clock) {
        this.audit = audit;
        this.referrals = referrals;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReferralLogged e) {
        String actor = referrals.find(e.referralId()).map(r -> r.createdBy()).orElse("system");
        record(actor, "referral.logged", e.reference().toString(), null, e.pathway().name() + ", " + e.status().name());
    }

    /** A gap in the reference sequence, and why (referrals.ReferenceAllocator). */
    @ApplicationModuleListener
    void on(ReferenceNotUsed e) {
        record("system", "referral.reference-not-used", e.reference(), null, e.reason());
    }

    @ApplicationModuleListener
    void on(ReferralStatusChanged e) {
        record(e.actor(), "referral.status-changed", e.reference().toString(), null,
                e.from().name() + " to " + e.to().name());
    }

    @ApplicationModuleListener
    void on(ReferralPathwayChanged e) {
        record(e.actor(), "referral.pathway-changed", e.reference().toString(), null,
                e.from().name() + " to " + e.to().name());
    }

    @ApplicationModuleListener
    void on(ReferralFieldsReviewed e) {
        record(e.actor(), "referral.fields-reviewed", e.reference().toString(), null,
                e.changed() + " corrected, " + e.confirmed() + " confirmed");
    }

    @ApplicationModuleListener
    void on(ExceptionResolved e) {
        String reference = exceptions.find(e.exceptionId()).map(x -> x.referralReference()).orElse(null);
        record(e.resolvedBy(), "exception.resolved", reference, e.exceptionId().value(), e.resolution());
    }

    private void record(String actor, String action, String reference, java.util.UUID exceptionId, String detail) {
        audit.record(new AuditRecord(clock.instant(), actor == null ? "system" : actor, action, reference,
                exceptionId, null, null, null, "done", detail));
    }
}
