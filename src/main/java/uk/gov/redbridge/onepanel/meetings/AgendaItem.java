package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * One item of a meeting's agenda: a referral for decision, or an item the secretariat added (a review published by
 * another area, non-statutory learning).
 *
 * @param referral null for an item without a referral
 */
public record AgendaItem(AgendaItemId id, MeetingId meetingId, int number, ReferralReference referral, String title,
        String detail, ItemState state, Instant addedAt, String addedBy) {

    public enum ItemState {
        /** For discussion or decision. */
        OPEN,
        /** The panel asked for more information; members answer by email and the decision can follow. */
        FURTHER_INFORMATION,
        /** The panel recommended. */
        DECIDED
    }
}
