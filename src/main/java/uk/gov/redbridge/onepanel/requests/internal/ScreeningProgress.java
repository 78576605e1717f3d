package uk.gov.redbridge.onepanel.requests.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Moves the referral along as its requests progress: to SCREENING when they go, to READY_FOR_PANEL when every
 * request not cancelled is answered or past its deadline. A referral the secretariat has moved elsewhere is left
 * where it is.
 */
@Component
class ScreeningProgress {

    static final String SYSTEM = "system";

    private final RequestRepository repository;
    private final ReferralLog referrals;

    ScreeningProgress(RequestRepository repository, ReferralLog referrals) {
        this.repository = repository;
        this.referrals = referrals;
    }

    void requestsSent(ReferralReference reference, int count) {
        referrals.find(reference).filter(r -> r.status() == ReferralStatus.RECEIVED).ifPresent(r ->
                referrals.changeStatus(reference, ReferralStatus.SCREENING, SYSTEM,
                        "information requests sent to " + count + " agencies"));
    }

    void check(ReferralReference reference) {
        List<InformationRequest> live = repository.forReferral(reference).stream()
                .filter(r -> r.status() != RequestStatus.CANCELLED).toList();
        if (live.isEmpty() || !live.stream().allMatch(r -> r.status().settledForPanel())) {
            return;
        }
        long answered = live.stream().filter(r -> r.status().answered()).count();
        referrals.find(reference).filter(r -> r.status() == ReferralStatus.SCREENING).ifPresent(r ->
                referrals.changeStatus(reference, ReferralStatus.READY_FOR_PANEL, SYSTEM, answered + " of "
                        + live.size() + " agencies answered" + (answered == live.size() ? ""
                                : "; the rest are past their deadline")));
    }

}
