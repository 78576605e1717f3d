package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.OutboundBounced;
import uk.gov.redbridge.onepanel.correspondence.OutboundFailed;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequest;

/**
 * Flags a request whose mail (the request, a reminder or the overdue notice) bounced or could not be sent, so the
 * secretariat sees it next to the request; the exceptions queue already has an item naming the agency. The
 * deadline is not changed: the secretariat decides.
 */
@Component
class DeliveryListener {

    private final RequestRepository repository;
    private final ReferralLog referrals;
    private final Clock clock;

    DeliveryListener(RequestRepository repository, ReferralLog referrals, Clock clock) {
        this.repository = repository;
        this.referrals = referrals;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OutboundBounced event) {
        flag(event.mailId(), "a delivery failure report came back: " + event.reason());
    }

    @ApplicationModuleListener
    void on(OutboundFailed event) {
        flag(event.mailId(), "it could not be sent: " + event.reason());
    }

    private void flag(OutboundMailId mailId, String problem) {
        InformationRequest request = repository.findByOutboundMail(mailId.value()).orElse(null);
        if (request == null || problem.equals(request.deliveryProblem())) {
            return;
        }
        repository.markDeliveryProblem(request.id(), problem, clock.instant());
        referrals.note(request.reference(), "REQUEST_NOT_DELIVERED", "Mail for the request " + request.token()
                + " was not delivered (" + problem + ")", ScreeningProgress.SYSTEM);
    }
}
