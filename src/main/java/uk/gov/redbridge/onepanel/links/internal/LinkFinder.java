package uk.gov.redbridge.onepanel.links.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.internal.PersonComparison.Match;

/**
 * Matches one referral's people against everyone else's, in one transaction, one referral at a time (a lock row), and
 * idempotently: the same form matched twice leaves the same links. Its people and keys are filed afresh; each pair
 * found is stored once for both referrals. What the secretariat decided stays: a confirmed link stays confirmed; a
 * rejected link stays rejected unless the evidence now has something it did not have when it was rejected; a link
 * nobody decided on that is no longer found (a field corrected) goes.
 */
public class LinkFinder {

    /** What one matching did: counts only (no personal data), for the log and for tests. */
    public record Outcome(int people, int candidates, int links, int suggestions, int added, int removed) {
    }

    private final LinkRepository repository;
    private final MatchingRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public LinkFinder(LinkRepository repository, MatchingRules rules, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome match(UUID referral, FilledForm form) {
        return transactions.execute(status -> matchInTransaction(referral, form));
    }

    private Outcome matchInTransaction(UUID referral, FilledForm form) {
        repository.lockMatching();
        Instant now = clock.instant();
        List<PersonProfile> people = PersonProfiles.of(form);
        Map<String, Set<BlockingKeys.Key>> keys = new LinkedHashMap<>();
        for (PersonProfile p : people) {
            keys.put(p.slot(), rules.keys().of(p));
        }
        repository.replacePeople(referral, people, keys);

        Set<String> lookup = new HashSet<>();
        Set<String> names = new HashSet<>();
        keys.values().forEach(set -> set.forEach(k -> (k.kind() == BlockingKeys.NAME ? names : lookup).add(k.hash())));
        // a name without a date of birth shared by many is too common to suggest anything (own rows counted too)
        repository.counts(names).forEach((hash, n) -> {
            if (n <= rules.commonNameLimit() + 1) {
                lookup.add(hash);
            }
        });
        List<LinkRepository.Candidate> candidates = repository.sharing(lookup, referral);
        Map<UUID, List<PersonProfile>> theirs = repository.people(candidates.stream()
                .map(LinkRepository.Candidate::referral).collect(Collectors.toSet()));
        Set<String> candidateSlots = candidates.stream().map(c -> c.referral() + "/" + c.slot())
                .collect(Collectors.toSet());

        Map<StoredLink.Pair, Match> found = new HashMap<>();
        theirs.forEach((other, otherPeople) -> {
            for (PersonProfile there : otherPeople) {
                if (!candidateSlots.contains(other + "/" + there.slot())) {
                    continue;
                }
                for (PersonProfile here : people) {
                    rules.comparison().compare(here, there).ifPresent(m ->
                            found.put(StoredLink.Pair.of(referral, here.slot(), other, there.slot()), m));
                }
            }
        });

        Map<StoredLink.Pair, StoredLink> existing = repository.linksOf(referral).stream()
                .collect(Collectors.toMap(StoredLink::pair, l -> l, (a, b) -> a));
        int removed = 0;
        List<StoredLink> newLinks = new ArrayList<>();
        for (Map.Entry<StoredLink.Pair, Match> e : found.entrySet()) {
            Match m = e.getValue();
            StoredLink before = existing.remove(e.getKey());
            if (before == null) {
                StoredLink.Pair p = e.getKey();
                newLinks.add(new StoredLink(UUID.randomUUID(), p.referralA(), p.slotA(), p.referralB(), p.slotB(),
                        m.kind(), m.strength(), m.evidence(), LinkState.FOUND, true, now, now, null, null, null,
                        EnumSet.noneOf(Evidence.class)));
                continue;
            }
            LinkState state = before.state();
            if (state == LinkState.REJECTED && !withinRejected(m.evidence(), before.decidedEvidence())) {
                // new evidence the secretariat has not seen: it is found again, for a person to look at
                state = LinkState.FOUND;
            }
            if (!before.current() || before.kind() != m.kind() || before.strength() != m.strength()
                    || !before.evidence().equals(m.evidence()) || before.state() != state) {
                repository.refound(before.id(), m.kind(), m.strength(), m.evidence(), state, now);
            }
        }
        repository.insertAll(newLinks);
        int added = newLinks.size();
        for (StoredLink gone : existing.values()) {
            if (gone.state() == LinkState.FOUND) {
                repository.delete(gone.id());
                removed++;
            } else {
                repository.notCurrent(gone.id(), now);
            }
        }
        int links = (int) found.values().stream().filter(m -> m.strength().isLink()).count();
        return new Outcome(people.size(), candidates.size(), links, found.size() - links, added, removed);
    }

    /** Every piece of evidence (notes aside) was already there when the link was rejected. */
    static boolean withinRejected(EnumSet<Evidence> now, EnumSet<Evidence> atRejection) {
        return now.stream().filter(e -> !e.isNote()).allMatch(atRejection::contains);
    }
}
