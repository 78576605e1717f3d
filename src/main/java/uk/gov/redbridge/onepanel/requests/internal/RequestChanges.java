package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Changes to a referral's requests that the secretariat asks for: send the drafts now, add an agency, take one off.
 * Each runs inside the caller's transaction.
 */
@Component
public class RequestChanges {

    private final RequestRepository repository;
    private final RequestPlanner planner;
    private final RequestDispatcher dispatcher;
    private final ScreeningProgress progress;
    private final ReferralLog referrals;
    private final AgencyDirectory directory;
    private final Clock clock;

    RequestChanges(RequestRepository repository, RequestPlanner planner, RequestDispatcher dispatcher,
            ScreeningProgress progress, ReferralLog referrals, AgencyDirectory directory, Clock clock) {
        this.repository = repository;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.progress = progress;
        this.referrals = referrals;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int sendNow(ReferralReference reference, String actor) {
        referral(reference);
        return dispatcher.sendDrafts(reference, true, actor);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public InformationRequest addAgency(ReferralReference reference, String agencyCode, String actor) {
        Referral referral = referral(reference);
        Agency agency = directory.byCode(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("no agency " + agencyCode + " in the directory"));
        List<InformationRequest> existing = repository.forReferral(reference);
        if (existing.isEmpty()) {
            throw new IllegalArgumentException("the referral " + reference + " has no information requests yet");
        }
        // joins the drafts while they wait; goes at once when the others have gone
        Instant now = clock.instant();
        Instant sendAfter = existing.stream().filter(r -> r.status() == RequestStatus.DRAFT)
                .map(InformationRequest::sendAfter).findFirst().orElse(now);
        Optional<InformationRequest> already = existing.stream()
                .filter(r -> r.agencyCode().equalsIgnoreCase(agency.code())).findFirst();
        RequestId id;
        if (already.isEmpty()) {
            id = planner.draft(referral, agency, sendAfter, actor).orElseThrow().id();
        } else if (already.get().status() != RequestStatus.CANCELLED) {
            return already.get();
        } else if (repository.restoreDraft(already.get().id(), sendAfter, now)) {
            id = already.get().id();
        } else {
            throw new IllegalStateException("the request " + already.get().token()
                    + " was cancelled after it was sent: attach the agency's reply by hand if it comes");
        }
        referrals.note(reference, "REQUESTS", agency.name() + " added to the information requests",
                actor);
        if (!sendAfter.isAfter(now)) {
            dispatcher.sendDrafts(reference, false, actor);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean removeAgency(ReferralReference reference, String agencyCode, String actor) {
        referral(reference);
        InformationRequest request = repository.find(reference, agencyCode).orElseThrow(() ->
                new IllegalArgumentException("the referral " + reference + " has no request for " + agencyCode));
        boolean cancelled = repository.changeStatus(request.id(), Set.of(RequestStatus.DRAFT, RequestStatus.SENT,
                RequestStatus.REMINDED, RequestStatus.OVERDUE, RequestStatus.ESCALATED), RequestStatus.CANCELLED,
                clock.instant());
        if (cancelled) {
            referrals.note(reference, "REQUESTS", "The request to " + directory.nameOf(request.agencyCode())
                    + " was cancelled"
                    + (request.status() == RequestStatus.DRAFT ? " before it was sent" : ""), actor);
            progress.check(reference);
        }
        return cancelled;
    }

    private Referral referral(ReferralReference reference) {
        return referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral " + reference));
    }
}
