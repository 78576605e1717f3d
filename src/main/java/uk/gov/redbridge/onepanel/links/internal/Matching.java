package uk.gov.redbridge.onepanel.links.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;

/** Matches referrals as the referral log holds them now. Logs counts and references only, never a name. */
@Component
public class Matching {

    private static final Logger log = LoggerFactory.getLogger(Matching.class);

    private final ReferralLog referrals;
    private final LinkFinder finder;
    private final LinkRepository repository;
    private final MatchingRules rules;
    private final java.time.Clock clock;

    Matching(ReferralLog referrals, LinkFinder finder, LinkRepository repository, MatchingRules rules,
            java.time.Clock clock) {
        this.referrals = referrals;
        this.finder = finder;
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    /** Matches one referral's people (nothing if there is no such referral). */
    public LinkFinder.Outcome match(ReferralId id) {
        Referral referral = referrals.find(id).orElse(null);
        if (referral == null) {
            return new LinkFinder.Outcome(0, 0, 0, 0, 0, 0);
        }
        LinkFinder.Outcome outcome = finder.match(id.value(), referral.form());
        log.info("Matched people of {}: {} people, {} candidates, {} links, {} suggestions ({} new, {} gone)",
                referral.reference(), outcome.people(), outcome.candidates(), outcome.links(), outcome.suggestions(),
                outcome.added(), outcome.removed());
        return outcome;
    }

    /** Every referral again, oldest first (after the rules changed); the decisions stay. */
    public int matchAll() {
        List<ReferralId> ids = referrals.ids();
        for (ReferralId id : ids) {
            Referral referral = referrals.find(id).orElse(null);
            if (referral != null) {
                finder.match(id.value(), referral.form());
            }
        }
        repository.rulesVersion(rules.version(), clock.instant());
        log.info("Matched the people of all {} referrals again (rules {})", ids.size(), rules.version());
        return ids.size();
    }

    /** The rules have changed since the links were worked out (or never were): match everything again. */
    public boolean rulesChanged() {
        return !rules.version().equals(repository.rulesVersion().orElse(null));
    }
}
