package uk.gov.redbridge.onepanel.links.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Collectors;

import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkKind;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.LinkStrength;

/** A row of {@code referral_link}: one person of each of two referrals, stored once with {@code referralA < referralB}. */
public record StoredLink(UUID id, UUID referralA, String slotA, UUID referralB, String slotB, LinkKind kind,
        LinkStrength strength, EnumSet<Evidence> evidence, LinkState state, boolean current, Instant foundAt,
        Instant updatedAt, String decidedBy, Instant decidedAt, String reason, EnumSet<Evidence> decidedEvidence) {

    /** The pair of people this link is about, in stored order. */
    public record Pair(UUID referralA, String slotA, UUID referralB, String slotB) {

        /** The pair in stored order, whichever side the people are given from. */
        public static Pair of(UUID r1, String s1, UUID r2, String s2) {
            int c = r1.toString().compareTo(r2.toString());
            return c < 0 || c == 0 && s1.compareTo(s2) <= 0 ? new Pair(r1, s1, r2, s2) : new Pair(r2, s2, r1, s1);
        }
    }

    public Pair pair() {
        return new Pair(referralA, slotA, referralB, slotB);
    }

    public boolean involves(UUID referral) {
        return referralA.equals(referral) || referralB.equals(referral);
    }

    /** A link the service shows as one: confirmed, or found and more than a suggestion. */
    public boolean isActiveLink() {
        return state == LinkState.CONFIRMED || state == LinkState.FOUND && strength.isLink();
    }

    /** Found, too weak to be a link: a suggestion for the secretariat to check. */
    public boolean isSuggestion() {
        return state == LinkState.FOUND && !strength.isLink();
    }

    public UUID other(UUID referral) {
        return referralA.equals(referral) ? referralB : referralA;
    }

    public String slotOf(UUID referral) {
        return referralA.equals(referral) ? slotA : slotB;
    }

    public String otherSlot(UUID referral) {
        return referralA.equals(referral) ? slotB : slotA;
    }

    static String encode(EnumSet<Evidence> evidence) {
        return evidence.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static EnumSet<Evidence> decode(String text) {
        EnumSet<Evidence> out = EnumSet.noneOf(Evidence.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> {
                try {
                    out.add(Evidence.valueOf(s));
                } catch (IllegalArgumentException e) {
                    // evidence of an older version of the rules: left out
                }
            });
        }
        return out;
    }
}
