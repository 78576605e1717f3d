package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** Refused: an email cannot be an agency's reply to a request that was never sent (a draft, or one cancelled first). */
public class RequestNeverSent extends IllegalStateException {

    public RequestNeverSent(ReferralReference reference, String agencyCode) {
        super("the request of " + agencyCode + " on " + reference + " was never sent");
    }
}
