package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralSearch;

/**
 * The referral log, filtered. The database filters by status, pathway, mailbox, dates and text; the referring
 * agency needs the agency directory, so it is applied here: a referral is an agency's when its form names the
 * agency (code or name), or when it was sent from an address that belongs to that agency alone (a shared domain
 * such as nhs.net says nothing). The log is hundreds of referrals a year, so this is cheap.
 */
@Component
public class ReferralFinder {

    private final ReferralRepository repository;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ReferralFinder(ReferralRepository repository, AgencyDirectory agencies, Clock clock) {
        this.repository = repository;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Newest first. */
    public List<Referral> find(ReferralSearch search) {
        List<Referral> found = repository.search(search, startOf(search.receivedFrom()),
                search.receivedTo() == null ? null : startOf(search.receivedTo().plusDays(1)));
        if (search.agency() == null || search.agency().isBlank()) {
            return found;
        }
        Optional<Agency> agency = agencies.byCode(search.agency());
        if (agency.isEmpty()) {
            return List.of();
        }
        return found.stream().filter(r -> referredBy(r, agency.get())).toList();
    }

    public List<String> mailboxes() {
        return repository.mailboxes();
    }

    boolean referredBy(Referral referral, Agency agency) {
        String named = referral.referrer().agency();
        if (named != null) {
            String text = named.toLowerCase(Locale.ROOT);
            if (PathwayRules.containsWord(text, agency.code().toLowerCase(Locale.ROOT))
                    || text.contains(agency.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String sender = referral.referrer().senderAddress();
        List<Agency> candidates = sender == null ? List.of() : agencies.candidatesForSender(sender);
        return candidates.size() == 1 && candidates.get(0).code().equals(agency.code());
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
    }
}
