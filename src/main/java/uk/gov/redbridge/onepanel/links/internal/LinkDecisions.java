package uk.gov.redbridge.onepanel.links.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.audit.AuditLog;
import uk.gov.redbridge.onepanel.audit.AuditRecord;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The secretariat's say on a link: confirmed or rejected, with a reason, recorded on the link, in its history and in
 * the audit log of both referrals (codes and references only), in one transaction.
 */
@Component
public class LinkDecisions {

    public static final int MAX_REASON = 500;

    private final LinkRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    LinkDecisions(LinkRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @return the link after the decision
     * @throws IllegalArgumentException no such link, no reason, or a reason too long
     */
    @Transactional
    public StoredLink decide(UUID linkId, LinkState decision, String reason, String actor,
            ReferralReference referenceA, ReferralReference referenceB) {
        if (decision == LinkState.FOUND) {
            throw new IllegalArgumentException("a decision confirms or rejects");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("give a reason of at most " + MAX_REASON + " characters");
        }
        StoredLink link = repository.findForUpdate(linkId)
                .orElseThrow(() -> new IllegalArgumentException("no link " + linkId));
        Instant now = clock.instant();
        repository.decide(link.id(), decision, actor, now, why, link.evidence());
        String action = decision == LinkState.CONFIRMED ? "link.confirmed" : "link.rejected";
        // the reason stays with the link (the secretariat's own words); the audit line carries codes only
        String detail = link.kind().name() + " with %s (" + StoredLink.encode(link.evidence()) + ")";
        audit.record(new AuditRecord(now, actor, action, referenceA.toString(), null, null, null, null, "done",
                detail.formatted(referenceB)));
        audit.record(new AuditRecord(now, actor, action, referenceB.toString(), null, null, null, null, "done",
                detail.formatted(referenceA)));
        return repository.find(link.id()).orElseThrow();
    }
}
