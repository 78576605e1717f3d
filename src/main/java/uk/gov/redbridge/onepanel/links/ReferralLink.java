package uk.gov.redbridge.onepanel.links;

import java.time.Instant;
import java.util.List;

import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * A link as seen from one referral: the other referral, who on each side, what kind, how strong, and why. No names,
 * dates of birth, addresses or NHS numbers: who is "the subject" or "person 3a (Mother)", and the evidence is its
 * kind ("name and date of birth"), never the values.
 *
 * @param otherOutcome the panel's recommendation for the other referral (section 6), or null before the panel
 * @param personHere   who the link is about on this referral's form
 * @param personThere  who on the other referral's form
 * @param current      found by the latest matching (false: the evidence has gone since it was confirmed or rejected)
 */
public record ReferralLink(LinkId id, ReferralReference here, ReferralReference other, Pathway otherPathway,
        ReferralStatus otherStatus, String otherOutcome, Instant otherReceivedAt, LinkKind kind,
        LinkStrength strength, LinkState state, List<Evidence> evidence, String personHere, String personThere,
        Instant foundAt, boolean current, String decidedBy, Instant decidedAt, String reason) {

    public ReferralLink {
        evidence = List.copyOf(evidence);
    }

    /** Too weak to be a link, and nobody has confirmed it: a suggestion to check. */
    public boolean isSuggestion() {
        return state == LinkState.FOUND && !strength.isLink();
    }

    public boolean isConfirmedSamePerson() {
        return state == LinkState.CONFIRMED && kind == LinkKind.SAME_PERSON;
    }

    /** The evidence in words: "name spelt differently, same date of birth; same postcode and house number". */
    public String evidenceText() {
        return String.join("; ", evidence.stream().map(Evidence::label).toList());
    }

    /** "The subject here is person 3a (Mother) there." */
    public String who() {
        return capitalise(personHere) + " here is " + personThere + " in " + other + ".";
    }

    /** For the agenda and the pack: "also known to OP-2025-0042, CSPR, decided: Rapid Review". */
    public String summary() {
        String outcome = otherOutcome != null ? "decided: " + otherOutcome : "status: " + otherStatus.label();
        return "also known to " + other + ", " + shortName(otherPathway) + ", " + outcome
                + (state == LinkState.CONFIRMED ? "" : " (link not yet checked)");
    }

    /** The pathway as the panel says it: SAR, CSPR, DHR, learning. */
    public static String shortName(Pathway pathway) {
        return switch (pathway) {
            case ADULTS_SAR -> "SAR";
            case CHILDREN_CSPR -> "CSPR";
            case DOMESTIC_HOMICIDE -> "DHR";
            case LEARNING_ONLY -> "learning only";
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
