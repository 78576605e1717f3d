package uk.gov.redbridge.onepanel.requests.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralLogged;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferralStatusChanged;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * A referral is ready for its information requests when it is logged complete (RECEIVED), or when the information
 * it lacked arrives (NEEDS_INFORMATION → RECEIVED). Its requests are drafted then, and sent at once when there is
 * no hold.
 */
@Component
class ReferralListener {

    private final ReferralLog referrals;
    private final RequestPlanner planner;
    private final RequestDispatcher dispatcher;

    ReferralListener(ReferralLog referrals, RequestPlanner planner, RequestDispatcher dispatcher) {
        this.referrals = referrals;
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    @ApplicationModuleListener
    void on(ReferralLogged event) {
        if (event.status() == ReferralStatus.RECEIVED) {
            start(event.reference());
        }
    }

    @ApplicationModuleListener
    void on(ReferralStatusChanged event) {
        if (event.from() == ReferralStatus.NEEDS_INFORMATION && event.to() == ReferralStatus.RECEIVED) {
            start(event.reference());
        }
    }

    private void start(ReferralReference reference) {
        referrals.find(reference).ifPresent(referral -> {
            if (planner.planFor(referral, ScreeningProgress.SYSTEM) > 0) {
                // drafts whose hold is zero go now; others wait for the sender job or the secretariat
                dispatcher.sendDrafts(reference, false, ScreeningProgress.SYSTEM);
            }
        });
    }
}
