package uk.gov.redbridge.onepanel.meetings;

import java.time.LocalDate;

/**
 * The decision of the chair of the board or partnership that holds the duty: ratifies the panel's recommendation
 * or changes it.
 *
 * @param decision  what was decided (the recommendation itself when ratified)
 * @param decidedBy the chair's role (and name, if the secretariat records it)
 */
public record BoardDecisionForm(boolean ratified, Recommendation decision, SarBasis sarBasis, String decidedBy,
        LocalDate decidedOn, String reason) {
}
