package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.LocalDate;
import java.util.Optional;

import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * Whether a referral's pathway fits the person it is about. A mailbox decides the pathway of what is sent to it
 * (RSAB@ adults, RedbridgeSCP@ children), but a referrer can send a child's case to the adults' mailbox: the form's
 * age (or date of birth, at the incident) then says otherwise, and a person must look. The pathway is not changed
 * by the machine: the mismatch is flagged on the case page and the dashboard until someone changes the pathway or
 * corrects the age.
 */
public final class PathwayCheck {

    static final int ADULT_FROM = 18;
    /** A Domestic Homicide Review is about a person aged 16 or over (Domestic Violence, Crime and Victims Act 2004 s9). */
    static final int DOMESTIC_HOMICIDE_FROM = 16;

    private PathwayCheck() {
    }

    /** What does not fit, in plain words; empty when the pathway fits the age or no age is known. */
    public static Optional<String> concern(Referral referral, LocalDate received) {
        if (referral.pathwayReason() != null && referral.pathwayReason().startsWith("changed by ")) {
            return Optional.empty(); // a person chose the pathway knowing the case: not second-guessed
        }
        Optional<Integer> age = PathwayRules.ageOf(referral.form(), received);
        if (age.isEmpty()) {
            return Optional.empty();
        }
        return concern(referral.pathway(), age.get());
    }

    static Optional<String> concern(Pathway pathway, int age) {
        return switch (pathway) {
            case ADULTS_SAR -> age < ADULT_FROM ? Optional.of("The form gives the subject's age as " + age
                    + ": a child, on the adults' pathway. Check the pathway: a child's case goes to the children's "
                    + "pathway.") : Optional.empty();
            case CHILDREN_CSPR -> age >= ADULT_FROM ? Optional.of("The form gives the subject's age as " + age
                    + ": an adult, on the children's pathway. Check the pathway: an adult's case goes to the adults' "
                    + "pathway (or a Domestic Homicide Review).") : Optional.empty();
            case DOMESTIC_HOMICIDE -> age < DOMESTIC_HOMICIDE_FROM ? Optional.of("The form gives the subject's age as "
                    + age + ": a Domestic Homicide Review is about a person aged 16 or over. Check the pathway.")
                    : Optional.empty();
            case LEARNING_ONLY -> Optional.empty();
        };
    }
}
