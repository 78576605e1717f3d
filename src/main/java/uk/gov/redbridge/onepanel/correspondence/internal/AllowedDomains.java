package uk.gov.redbridge.onepanel.correspondence.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;

/** Decides whether the service may send to an address: configured domains, then the partner directory. */
@Component
class AllowedDomains {

    private final List<String> patterns;
    private final AgencyDirectory agencies;

    AllowedDomains(OutboundSettings settings, AgencyDirectory agencies) {
        this.patterns = settings.allowedDomains().stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).toList();
        this.agencies = agencies;
    }

    boolean allows(String address) {
        Optional<String> domain = domainOf(address);
        if (domain.isEmpty()) {
            return false;
        }
        return patterns.stream().anyMatch(p -> matches(p, domain.get())) || agencies.isAllowedDomain(address);
    }

    static boolean matches(String pattern, String domain) {
        if (pattern.startsWith("*.")) {
            return domain.endsWith(pattern.substring(1));
        }
        return domain.equals(pattern);
    }

    /** The domain of a well-formed address; empty for anything with more than one @, spaces or control characters. */
    static Optional<String> domainOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        if (at <= 0 || at != a.lastIndexOf('@') || at == a.length() - 1 || !a.matches("[^\\s\\p{Cntrl}<>,;\"]+")) {
            return Optional.empty();
        }
        String domain = a.substring(at + 1);
        return domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..")
                ? Optional.of(domain) : Optional.empty();
    }
}
