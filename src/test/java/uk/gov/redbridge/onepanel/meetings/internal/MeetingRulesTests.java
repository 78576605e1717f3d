package uk.gov.redbridge.onepanel.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.meetings.DecisionRefused.Problem;

import uk.gov.redbridge.onepanel.meetings.DecisionForm;
import uk.gov.redbridge.onepanel.meetings.FollowUpAction;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.SarBasis;

/** The schedule rule, the recommendation names, what a recommendation must say, and members' answers. */
class MeetingRulesTests {

    @Test
    void theSecondTuesdayAndTheLastFridayOfAMonth() {
        assertThat(MonthlySchedule.dateIn(YearMonth.of(2026, 6), DayOfWeek.TUESDAY, 2)).isEqualTo(LocalDate.of(2026, 6, 9));
        assertThat(MonthlySchedule.dateIn(YearMonth.of(2026, 9), DayOfWeek.TUESDAY, 2)).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(MonthlySchedule.dateIn(YearMonth.of(2026, 7), DayOfWeek.FRIDAY, -1)).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void dardrAndDhrAreOneRecommendationShownWithBothNames() {
        assertThat(Recommendation.parse("DARDR")).contains(Recommendation.DHR);
        assertThat(Recommendation.parse("dhr")).contains(Recommendation.DHR);
        assertThat(Recommendation.DHR.label()).contains("Domestic Homicide Review", "Domestic Abuse Related Death Review");
        assertThat(Recommendation.parse("no review")).contains(Recommendation.NO_REVIEW);
        assertThat(Recommendation.parse("non-statutory")).contains(Recommendation.NON_STATUTORY_REVIEW);
        assertThat(Recommendation.parse("maybe")).isEmpty();
    }

    @Test
    void aRecommendationNeedsReasonsALeadWhenSeveralApplyAndTheBasisOfASar() {
        assertThat(Deliberations.problems(form(List.of(), null, null, "why")))
                .contains(new Problem("recommendations", "Select the panel's recommendation"));
        assertThat(Deliberations.problems(form(List.of(Recommendation.SAR, Recommendation.DHR), null,
                SarBasis.DISCRETIONARY, "why"))).containsExactly(
                        new Problem("leadProcess", "More than one review type applies: select which process leads"));
        assertThat(Deliberations.problems(form(List.of(Recommendation.SAR), null, null, "why"))).containsExactly(
                new Problem("sarBasis", "Select whether the Safeguarding Adults Review is mandatory or discretionary"));
        assertThat(Deliberations.problems(form(List.of(Recommendation.NO_REVIEW), null, null, " ")))
                .containsExactly(new Problem("reasons", "Enter the reasons for the recommendation"));
        assertThat(Deliberations.problems(form(List.of(Recommendation.NO_REVIEW, Recommendation.SAR),
                Recommendation.SAR, SarBasis.MANDATORY, "why"))).contains(
                        new Problem("recommendations", "'No review' cannot go with another recommendation"));
        assertThat(Deliberations.problems(new DecisionForm(List.of(Recommendation.INTERNAL_REVIEW), null, null, null,
                Set.of(), "why", List.of(new FollowUpAction("Share learning", " ", null)), List.of(), null)))
                .containsExactly(new Problem("actions", "Enter a description and an owner for each follow-up action"));
        assertThat(Deliberations.problems(form(List.of(Recommendation.SAR, Recommendation.DHR), Recommendation.DHR,
                SarBasis.MANDATORY, "why"))).isEmpty();
    }

    /** Issue 13, point 4: a dissent note with no agency ticked was dropped without a word. */
    @Test
    void aDissentNoteWithoutTheAgenciesThatDisagreedIsRefusedOnTheField() {
        assertThat(Deliberations.problems(new DecisionForm(List.of(Recommendation.NO_REVIEW), null, null, null,
                Set.of(), "why", List.of(), List.of(), "Children's services thought a review was needed")))
                .containsExactly(new Problem("dissenting",
                        "Select the agencies that disagreed, or clear what they disagreed with"));
        assertThat(Deliberations.problems(new DecisionForm(List.of(Recommendation.NO_REVIEW), null, null, null,
                Set.of(), "why", List.of(), List.of("LBR-CSC"), "Children's services thought a review was needed")))
                .isEmpty();
    }

    @Test
    void aMembersAnswerGivesTheRecommendationItsFirstLineNames() {
        assertThat(MemberReplyHandler.position("SAR - the criteria are met\n\n> quoted question")).isEqualTo(
                Recommendation.SAR);
        assertThat(MemberReplyHandler.position("\n  No review. Nothing known to us.")).isEqualTo(Recommendation.NO_REVIEW);
        assertThat(MemberReplyHandler.position("DARDR")).isEqualTo(Recommendation.DHR);
        assertThat(MemberReplyHandler.position("We have no records of the family.")).isNull();
    }

    @Test
    void eachRequestHasAReplyAddressOfItsOwnOnThePanelMailbox() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(MemberReplyHandler.replyAddress("RedbridgeOnePanel@redbridge.gov.uk", id))
                .isEqualTo("RedbridgeOnePanel+panel-0f8fad5bd9cb469fa16570867728950e@redbridge.gov.uk");
    }

    private static DecisionForm form(List<Recommendation> r, Recommendation lead, SarBasis basis, String reasons) {
        return new DecisionForm(r, lead, basis, null, Set.of(), reasons, List.of(), List.of(), null);
    }
}
