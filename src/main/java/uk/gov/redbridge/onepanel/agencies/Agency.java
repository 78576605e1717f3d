package uk.gov.redbridge.onepanel.agencies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * A partner agency of the panel.
 *
 * @param code             short and upper case ({@code NELFT}, {@code LBR-ASC}): it goes into the subject token
 *                         {@code [OP-2026-0001/NELFT]} and, lower-cased, into the plus-address of a request
 * @param name             the agency's name as the panel writes it
 * @param sector           what kind of service it is; drives quorum
 * @param requestAddresses the mailboxes that receive information requests, per pathway; an agency absent for a
 *                         pathway gets no request on it
 * @param allowedDomains   the mail domains the agency sends from and may be sent to, lower case; a sub-domain of
 *                         one is allowed too
 * @param votingMember     a member of the panel with a vote (an agency only asked to attend has none)
 * @param organisation     the organisation it belongs to ("London Borough of Redbridge"), for grouping services of
 *                         one body; the name when not given
 * @param memberRoles      the roles that sit on the panel for it (terms of reference, section 2): roles, never
 *                         people's names
 */
public record Agency(String code, String name, Sector sector, Map<Pathway, List<String>> requestAddresses,
                     List<String> allowedDomains, boolean votingMember, String organisation,
                     List<String> memberRoles) {

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        code = code.trim();
        name = name.trim();
        requestAddresses = copyOf(requestAddresses);
        allowedDomains = allowedDomains == null ? List.of()
                : allowedDomains.stream().map(d -> d == null ? "" : d.trim().toLowerCase(Locale.ROOT)).toList();
        organisation = organisation == null || organisation.isBlank() ? name : organisation.trim();
        memberRoles = memberRoles == null ? List.of() : List.copyOf(memberRoles);
    }

    /** An agency that is its own organisation and lists no member roles. */
    public Agency(String code, String name, Sector sector, Map<Pathway, List<String>> requestAddresses,
                  List<String> allowedDomains, boolean votingMember) {
        this(code, name, sector, requestAddresses, allowedDomains, votingMember, name, List.of());
    }

    /** The addresses that receive requests on this pathway; empty when the agency gets none. */
    public List<String> requestAddressesFor(Pathway pathway) {
        return requestAddresses.getOrDefault(pathway, List.of());
    }

    public boolean receivesRequestsFor(Pathway pathway) {
        return !requestAddressesFor(pathway).isEmpty();
    }

    private static Map<Pathway, List<String>> copyOf(Map<Pathway, List<String>> addresses) {
        EnumMap<Pathway, List<String>> copy = new EnumMap<>(Pathway.class);
        if (addresses != null) {
            addresses.forEach((pathway, list) -> {
                List<String> trimmed = new ArrayList<>();
                if (list != null) {
                    list.forEach(a -> trimmed.add(a == null ? "" : a.trim()));
                }
                if (pathway != null && !trimmed.isEmpty()) {
                    copy.put(pathway, List.copyOf(trimmed));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
