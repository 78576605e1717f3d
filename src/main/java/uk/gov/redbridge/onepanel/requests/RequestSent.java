package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** An information request went to the outbox (or was refused by it: see the correspondence events). */
public record RequestSent(RequestId requestId, ReferralReference reference, String agencyCode) {
}
