package uk.gov.redbridge.onepanel.links.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.LinkViewer;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * What the links fragments in other modules' pages read (the dashboard, a meeting's agenda), so that each of those
 * pages takes them with one line and no change to its controller: {@code ${@linksForPages...}}.
 */
@Component("linksForPages")
public class LinksForPages {

    static final int NEW_DAYS = 7;

    private final FamilyLinks links;
    private final Clock clock;

    LinksForPages(FamilyLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** Links found in the last 7 days (today included) that the user may see. */
    public long newThisWeek(Authentication user) {
        LocalDate since = LocalDate.now(clock).minusDays(NEW_DAYS - 1L);
        return links.newLinksSince(since.atStartOfDay(clock.getZone()).toInstant(), Viewers.of(user));
    }

    /** The referral's other referrals, one line each, that the user may see. */
    public List<ReferralLink> alsoKnownTo(Object reference, Authentication user) {
        if (reference == null) {
            return List.of();
        }
        ReferralReference ref = reference instanceof ReferralReference r ? r
                : ReferralReference.tryParse(reference.toString()).orElse(null);
        if (ref == null) {
            return List.of();
        }
        LinkViewer viewer = Viewers.of(user);
        try {
            return links.alsoKnownTo(ref, viewer);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
