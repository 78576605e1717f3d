package uk.gov.redbridge.onepanel.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.links.internal.LinkDecisions;
import uk.gov.redbridge.onepanel.links.internal.LinkFinder;
import uk.gov.redbridge.onepanel.links.internal.LinkRepository;
import uk.gov.redbridge.onepanel.links.internal.LinksSettings;
import uk.gov.redbridge.onepanel.links.internal.Matching;
import uk.gov.redbridge.onepanel.links.internal.StoredLink;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Think Family: the referrals that share people with a referral, for the case page, the dashboard, the agenda, the
 * pack, the annual review and the API; and the secretariat's confirmations and rejections.
 */
@Service
public class FamilyLinks {

    private static final Comparator<ReferralLink> STRONGEST_FIRST = Comparator
            .comparing((ReferralLink l) -> l.state() != LinkState.CONFIRMED)
            .thenComparing(ReferralLink::strength).thenComparing(ReferralLink::kind)
            .thenComparing(l -> l.other().toString());

    private final LinkRepository links;
    private final ReferralLog referrals;
    private final Matching matching;
    private final LinkDecisions decisions;
    private final LinksSettings settings;

    FamilyLinks(LinkRepository links, ReferralLog referrals, Matching matching, LinkDecisions decisions,
            LinksSettings settings) {
        this.links = links;
        this.referrals = referrals;
        this.matching = matching;
        this.decisions = decisions;
        this.settings = settings;
    }

    /** The referral's links, suggestions and rejected links that the viewer may see (both referrals). */
    public LinksOfReferral of(ReferralReference reference, LinkViewer viewer) {
        Referral here = referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral "
                + reference));
        if (!maySee(viewer, here.pathway())) {
            return new LinksOfReferral(List.of(), List.of(), List.of());
        }
        List<ReferralLink> all = views(here, links.linksOf(here.id().value()), viewer);
        return new LinksOfReferral(
                all.stream().filter(l -> l.state() == LinkState.CONFIRMED
                        || l.state() == LinkState.FOUND && l.strength().isLink()).sorted(STRONGEST_FIRST).toList(),
                all.stream().filter(ReferralLink::isSuggestion).sorted(STRONGEST_FIRST).toList(),
                all.stream().filter(l -> l.state() == LinkState.REJECTED).sorted(STRONGEST_FIRST).toList());
    }

    /**
     * For the panel's agenda and pack: one line per other referral the referral is linked to (confirmed or found,
     * not suggestions, not rejected), the strongest link of each. Panel members consider every pathway.
     */
    public List<ReferralLink> alsoKnownTo(ReferralReference reference) {
        return alsoKnownTo(reference, LinkViewer.PANEL);
    }

    /** As {@link #alsoKnownTo(ReferralReference)}, for one viewer (a meeting's page). */
    public List<ReferralLink> alsoKnownTo(ReferralReference reference, LinkViewer viewer) {
        Optional<Referral> here = referrals.find(reference);
        if (here.isEmpty()) {
            return List.of();
        }
        Map<ReferralReference, ReferralLink> byOther = new LinkedHashMap<>();
        for (ReferralLink l : of(reference, viewer).links()) {
            byOther.putIfAbsent(l.other(), l);
        }
        return List.copyOf(byOther.values());
    }

    /** How many links (not suggestions, not rejected) were found since a moment, that the viewer may see. */
    public long newLinksSince(Instant since, LinkViewer viewer) {
        Map<UUID, Optional<Referral>> cache = new HashMap<>();
        return links.foundSince(since).stream().filter(l -> {
            Optional<Referral> a = cache.computeIfAbsent(l.referralA(), id -> referrals.find(new ReferralId(id)));
            Optional<Referral> b = cache.computeIfAbsent(l.referralB(), id -> referrals.find(new ReferralId(id)));
            return a.isPresent() && b.isPresent() && maySee(viewer, a.get().pathway())
                    && maySee(viewer, b.get().pathway());
        }).map(l -> l.referralA() + "/" + l.referralB()).distinct().count();
    }

    /**
     * For the annual review: for each of these referrals that is linked to another (confirmed or found, not
     * suggestions, not rejected), the pathways of the referrals it is linked to.
     */
    public Map<ReferralId, Set<Pathway>> linkedPathways(Collection<ReferralId> ids) {
        Map<UUID, Pathway> pathways = new HashMap<>();
        Map<ReferralId, Set<Pathway>> out = new LinkedHashMap<>();
        Set<UUID> wanted = ids.stream().map(ReferralId::value).collect(Collectors.toSet());
        for (StoredLink l : links.activeLinksOf(wanted)) {
            for (UUID side : List.of(l.referralA(), l.referralB())) {
                if (!wanted.contains(side)) {
                    continue;
                }
                UUID other = l.other(side);
                Pathway p = pathways.computeIfAbsent(other, id -> referrals.find(new ReferralId(id))
                        .map(Referral::pathway).orElse(null));
                if (p != null) {
                    out.computeIfAbsent(new ReferralId(side), k -> EnumSet.noneOf(Pathway.class)).add(p);
                }
            }
        }
        return out;
    }

    /**
     * The timelines of the referral and of every referral confirmed to be about the same person, merged (oldest
     * first); the referrals themselves stay apart.
     */
    public List<CombinedTimelineEntry> combinedTimeline(ReferralReference reference, LinkViewer viewer) {
        Referral here = referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral "
                + reference));
        List<Referral> together = new ArrayList<>(List.of(here));
        for (ReferralLink l : of(reference, viewer).links()) {
            if (l.isConfirmedSamePerson() && together.stream().noneMatch(r -> r.reference().equals(l.other()))) {
                referrals.find(l.other()).ifPresent(together::add);
            }
        }
        List<CombinedTimelineEntry> out = new ArrayList<>();
        for (Referral r : together) {
            referrals.timeline(r.id()).forEach(e -> out.add(new CombinedTimelineEntry(r.reference(), e.at(),
                    e.kind(), e.detail(), e.actor())));
        }
        out.sort(Comparator.comparing(CombinedTimelineEntry::at).thenComparing(e -> e.referral().toString()));
        return out;
    }

    /**
     * Confirms or rejects a link seen from a referral, with a reason (audited on both referrals).
     *
     * @throws IllegalArgumentException no such link on this referral, or no reason
     */
    public ReferralLink decide(ReferralReference from, LinkId id, LinkState decision, String reason, String actor,
            LinkViewer viewer) {
        Referral here = referrals.find(from).orElseThrow(() -> new IllegalArgumentException("no referral " + from));
        StoredLink link = links.find(id.value()).filter(l -> l.involves(here.id().value()))
                .orElseThrow(() -> new IllegalArgumentException("no link " + id + " on " + from));
        Referral other = referrals.find(new ReferralId(link.other(here.id().value())))
                .orElseThrow(() -> new IllegalArgumentException("no referral at the other end of " + id));
        if (!maySee(viewer, here.pathway()) || !maySee(viewer, other.pathway())) {
            throw new IllegalArgumentException("no link " + id + " on " + from);
        }
        StoredLink after = decisions.decide(link.id(), decision, reason, actor, here.reference(), other.reference());
        return views(here, List.of(after), viewer).get(0);
    }

    /** Matches one referral's people now, as its form is held. */
    public LinkFinder.Outcome match(ReferralReference reference) {
        Referral r = referrals.find(reference).orElseThrow(() -> new IllegalArgumentException("no referral "
                + reference));
        return matching.match(r.id());
    }

    /** Matches every referral again (after a change to the rules or the nickname list); decisions stay. */
    public int matchAll() {
        return matching.matchAll();
    }

    boolean maySee(LinkViewer viewer, Pathway pathway) {
        return settings.readersOf(pathway).stream().anyMatch(viewer.roles()::contains);
    }

    private List<ReferralLink> views(Referral here, List<StoredLink> stored, LinkViewer viewer) {
        UUID me = here.id().value();
        Map<String, String> myPeople = links.relationships(me);
        List<ReferralLink> out = new ArrayList<>();
        for (StoredLink l : stored) {
            UUID otherId = l.other(me);
            Optional<Referral> other = referrals.find(new ReferralId(otherId));
            if (other.isEmpty() || !maySee(viewer, other.get().pathway())) {
                continue;
            }
            Map<String, String> theirPeople = links.relationships(otherId);
            Referral o = other.get();
            out.add(new ReferralLink(new LinkId(l.id()), here.reference(), o.reference(), o.pathway(), o.status(),
                    outcome(o), o.receivedAt(), l.kind(), l.strength(), l.state(),
                    List.copyOf(l.evidence()), person(l.slotOf(me), myPeople), person(l.otherSlot(me), theirPeople),
                    l.foundAt(), l.current(), l.decidedBy(), l.decidedAt(), l.reason()));
        }
        return out;
    }

    /** The panel's recommendation as section 6 holds it: its first sentence. */
    private static String outcome(Referral r) {
        return r.form().value(FieldKeys.DECISION_RECOMMENDATION).map(v -> {
            String first = v.split("\\. |\\n")[0].strip();
            return first.length() > 120 ? first.substring(0, 117) + "..." : first;
        }).orElse(null);
    }

    /** "the subject", or "person 3a (Mother)" from the slot and the relationship the form gives. */
    static String person(String slot, Map<String, String> relationships) {
        if ("subject".equals(slot)) {
            return "the subject";
        }
        int index = Integer.parseInt(slot.substring(slot.indexOf('.') + 1));
        String number = index < 26 ? "3" + (char) ('a' + index) : "3 (" + (index + 1) + ")";
        String relationship = relationships.get(slot);
        return "person " + number + (relationship == null ? "" : " (" + relationship + ")");
    }
}
