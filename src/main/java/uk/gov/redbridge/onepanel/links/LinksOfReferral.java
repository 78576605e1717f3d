package uk.gov.redbridge.onepanel.links;

import java.util.List;

/**
 * A referral's links as one viewer may see them.
 *
 * @param links       confirmed, or found and not yet checked: strongest first
 * @param suggestions weak matches (a name without a date of birth ...): never links until a person confirms one
 * @param rejected    rejected by the secretariat, with the reason: not shown as links, not found again for the same
 *                    evidence
 */
public record LinksOfReferral(List<ReferralLink> links, List<ReferralLink> suggestions, List<ReferralLink> rejected) {

    public LinksOfReferral {
        links = List.copyOf(links);
        suggestions = List.copyOf(suggestions);
        rejected = List.copyOf(rejected);
    }

    public boolean isEmpty() {
        return links.isEmpty() && suggestions.isEmpty() && rejected.isEmpty();
    }

    /** What the secretariat has still to confirm or reject: links not yet checked, then suggestions. */
    public List<ReferralLink> toCheck() {
        List<ReferralLink> out = new java.util.ArrayList<>(links.stream()
                .filter(l -> l.state() == LinkState.FOUND).toList());
        out.addAll(suggestions);
        return out;
    }

    /** A confirmed "same person" link: the case page can show the referrals' timelines together. */
    public boolean hasConfirmedSamePerson() {
        return links.stream().anyMatch(ReferralLink::isConfirmedSamePerson);
    }
}
