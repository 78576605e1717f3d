package uk.gov.redbridge.onepanel.links.web;

import java.security.Principal;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import uk.gov.redbridge.onepanel.links.LinkViewer;

/** The signed-in user as a {@link LinkViewer}: their roles decide which links they see. */
final class Viewers {

    private Viewers() {
    }

    static LinkViewer current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static LinkViewer of(Principal principal) {
        return principal instanceof Authentication a ? of(a) : current();
    }

    static LinkViewer of(Authentication authentication) {
        if (authentication == null) {
            return new LinkViewer(java.util.Set.of());
        }
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList();
        return LinkViewer.ofAuthorities(authorities);
    }
}
