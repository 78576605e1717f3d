package uk.gov.redbridge.onepanel.agencies;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.gov.redbridge.onepanel.agencies.internal.DirectoryRules;
import uk.gov.redbridge.onepanel.agencies.internal.MailDomains;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * The panel's partner agencies, in the order configured. Immutable: the directory changes by configuration and a
 * restart. A Spring bean built from {@code onepanel.agencies.*}; other modules' tests may build one directly.
 */
public class AgencyDirectory {

    private final List<Agency> agencies;
    private final Set<Sector> quorumSectors;

    /**
     * @throws IllegalArgumentException naming every problem found (codes, addresses, domains, pathways without an
     *                                  agency, quorum sectors without a voting member)
     */
    public AgencyDirectory(List<Agency> agencies, Set<Sector> quorumSectors) {
        this.agencies = List.copyOf(agencies);
        this.quorumSectors = quorumSectors.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(quorumSectors));
        List<String> problems = DirectoryRules.problems(this.agencies, this.quorumSectors);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(DirectoryRules.describe(problems));
        }
    }

    public List<Agency> all() {
        return agencies;
    }

    /** By code, in any letter case: the plus-address of a request carries the code lower-cased. */
    public Optional<Agency> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return agencies.stream().filter(a -> a.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The agency's name, for people; a code the directory does not know, as it is. */
    public String nameOf(String code) {
        return byCode(code).map(Agency::name).orElse(code);
    }

    /** The agencies that get an information request on this pathway, in directory order. */
    public List<Agency> receivingRequestsFor(Pathway pathway) {
        return agencies.stream().filter(a -> a.receivesRequestsFor(pathway)).toList();
    }

    /**
     * The one agency a sender belongs to, if that can be told from the address alone: see
     * {@link #candidatesForSender}. Empty when no agency or more than one agency fits (several NHS bodies share
     * {@code nhs.net}, several council services share {@code redbridge.gov.uk}).
     */
    public Optional<Agency> forSenderAddress(String email) {
        List<Agency> candidates = candidatesForSender(email);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * The agencies a sender may belong to, most specific match first: an agency whose request address is the
     * sender's address; otherwise the agencies whose allowed domain is the longest one the sender's domain is
     * within ({@code safeguarding.adults@nelft.example} and {@code x@mail.nelft.nhs.uk} both fit NELFT alone;
     * {@code x@nhs.net} fits every agency allowing {@code nhs.net}). Case-insensitive; accepts
     * {@code Name <address>}. Empty when nothing fits.
     */
    public List<Agency> candidatesForSender(String email) {
        Optional<String> address = MailDomains.normalisedAddress(email);
        Optional<String> domain = MailDomains.domainOf(email);
        if (address.isEmpty() || domain.isEmpty()) {
            return List.of();
        }
        List<Agency> byAddress = agencies.stream()
                .filter(a -> a.requestAddresses().values().stream().flatMap(List::stream)
                        .anyMatch(r -> r.equalsIgnoreCase(address.get())))
                .toList();
        if (!byAddress.isEmpty()) {
            return byAddress;
        }
        int longest = agencies.stream().mapToInt(a -> longestMatch(a, domain.get())).max().orElse(0);
        if (longest == 0) {
            return List.of();
        }
        return agencies.stream().filter(a -> longestMatch(a, domain.get()) == longest).toList();
    }

    /** The address is within some agency's allowed domain (sub-domains included). */
    public boolean isAllowedDomain(String email) {
        return MailDomains.domainOf(email).map(d -> agencies.stream().anyMatch(a -> longestMatch(a, d) > 0))
                .orElse(false);
    }

    /** The sectors that must be represented for the panel to be quorate. */
    public Set<Sector> quorumSectors() {
        return quorumSectors;
    }

    private static int longestMatch(Agency agency, String domain) {
        return agency.allowedDomains().stream()
                .filter(allowed -> MailDomains.isWithin(domain, allowed))
                .mapToInt(String::length)
                .max()
                .orElse(0);
    }

    @Override
    public String toString() {
        return "AgencyDirectory" + agencies.stream().map(Agency::code).toList();
    }
}
