package uk.gov.redbridge.onepanel.requests;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** A request passed its due date without an answer. */
public record RequestOverdue(RequestId requestId, ReferralReference reference, String agencyCode) {
}
