package uk.gov.redbridge.onepanel.links;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is looking, by role: a link is shown only to someone who may see both referrals (docs/links.md).
 *
 * @param roles role names without the {@code ROLE_} prefix (SECRETARIAT, CHAIR, READONLY, API)
 */
public record LinkViewer(Set<String> roles) {

    /** The panel, reading its papers: every member considers every pathway. */
    public static final LinkViewer PANEL = new LinkViewer(Set.of("SECRETARIAT", "CHAIR", "READONLY", "API"));

    public LinkViewer {
        roles = Set.copyOf(roles);
    }

    /** From Spring Security's authority names ({@code ROLE_SECRETARIAT} ...). */
    public static LinkViewer ofAuthorities(Collection<String> authorities) {
        return new LinkViewer(authorities.stream().map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toSet()));
    }
}
