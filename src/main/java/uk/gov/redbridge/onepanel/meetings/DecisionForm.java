package uk.gov.redbridge.onepanel.meetings;

import java.util.List;
import java.util.Set;

/**
 * The panel's recommendation on an item, as recorded by the secretariat or the chair.
 *
 * @param recommendations     one or more (a case may meet more than one review type)
 * @param leadProcess         which leads when more than one statutory review applies
 * @param sarBasis            for a SAR: mandatory (s44(1)-(3)) or discretionary (s44(4))
 * @param focus               the focus of the review, in words
 * @param methodologies       Appendix D options
 * @param reasons             why: decisions must be reasoned
 * @param dissentingAgencies  agency codes that disagreed; any makes the chair escalate to the statutory partners
 */
public record DecisionForm(List<Recommendation> recommendations, Recommendation leadProcess, SarBasis sarBasis,
        String focus, Set<Methodology> methodologies, String reasons, List<FollowUpAction> followUps,
        List<String> dissentingAgencies, String dissentNote) {

    public DecisionForm {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        methodologies = methodologies == null ? Set.of() : Set.copyOf(methodologies);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        dissentingAgencies = dissentingAgencies == null ? List.of() : List.copyOf(dissentingAgencies);
    }
}
