package uk.gov.redbridge.onepanel.requests;

import java.time.Instant;
import java.util.List;

import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.workingdays.Deadline;

/**
 * One agency's information request on one referral.
 *
 * @param to           the agency's request addresses, frozen when the request was written
 * @param replyAddress the plus-address on the panel mailbox unique to this request
 * @param workingDays  the working days the agency has from the day the request is sent
 * @param sendAfter    when a draft goes (the end of the hold)
 * @param deadline     set when it is sent: the due date with its counting convention
 * @param messageId    the request email's Message-ID (angle brackets), once sent
 * @param matchedBy    how the reply that answered it was matched, once answered
 * @param deliveryProblem set when its mail (request, reminder, overdue notice) bounced or could not be sent
 */
public record InformationRequest(RequestId id, ReferralId referralId, ReferralReference reference, Pathway pathway,
        String agencyCode, RequestStatus status, String mailbox, List<String> to, String replyAddress,
        String template, int workingDays, Instant createdAt, String createdBy, Instant sendAfter, Instant sentAt, Deadline deadline,
        String messageId, MatchRule matchedBy, Instant answeredAt, Instant deliveryProblemAt, String deliveryProblem,
        Instant updatedAt) {

    public InformationRequest {
        to = List.copyOf(to);
    }

    /** The subject token that ties mail to this request: {@code [OP-2026-0001/NELFT]}. */
    public String token() {
        return "[" + reference + "/" + agencyCode + "]";
    }
}
