package uk.gov.redbridge.onepanel.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The panel's recommendation on an item and, once made, the board's decision.
 *
 * @param byEmail   made by email after a request for further information, not in the meeting
 * @param quorum    the quorum as it stood when the recommendation was recorded, in words
 * @param escalated dissent was recorded: the statutory partners were told
 */
public record Decision(DecisionId id, MeetingId meetingId, AgendaItemId itemId, ReferralReference referral,
        LocalDate meetingDate, boolean byEmail, List<Recommendation> recommendations, Recommendation leadProcess,
        SarBasis sarBasis, String focus, Set<Methodology> methodologies, String reasons,
        List<FollowUpAction> followUps, List<String> dissentingAgencies, String dissentNote, boolean escalated,
        String quorum, List<Vote> votes, Instant recordedAt, String recordedBy, BoardDecision board) {

    /** The board's side: PENDING until the chair of the board or partnership decides. */
    public record BoardDecision(Outcome outcome, Recommendation decision, SarBasis sarBasis, String decidedBy,
            LocalDate decidedOn, String reason, Instant recordedAt, String recordedBy) {

        public enum Outcome { PENDING, RATIFIED, CHANGED }

        public static BoardDecision pending() {
            return new BoardDecision(Outcome.PENDING, null, null, null, null, null, null, null);
        }
    }

    /** The main recommendation: the lead process when there is one, else the first. */
    public Recommendation main() {
        return leadProcess != null ? leadProcess : recommendations.get(0);
    }

    /** What stands: the board's decision once made, else the recommendation. */
    public Recommendation standing() {
        return board.outcome() == BoardDecision.Outcome.PENDING ? main() : board.decision();
    }
}
