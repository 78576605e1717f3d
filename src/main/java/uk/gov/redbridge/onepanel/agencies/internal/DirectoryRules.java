package uk.gov.redbridge.onepanel.agencies.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.Sector;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * What a usable directory must satisfy. Every problem is reported, not just the first, so that one restart is
 * enough to see everything a configuration change got wrong.
 */
public final class DirectoryRules {

    /**
     * Upper-case letters and digits in hyphen-separated groups, starting with a letter, at most 16 characters:
     * safe in a subject token, and in the local part of a plus-address once lower-cased.
     */
    static final Pattern CODE = Pattern.compile("(?=.{2,16}$)[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    private DirectoryRules() {
    }

    public static List<String> problems(List<Agency> agencies, Set<Sector> quorumSectors) {
        List<String> problems = new ArrayList<>();
        if (agencies.isEmpty()) {
            problems.add("the directory lists no agencies");
        }
        Map<String, String> addressOwners = new LinkedHashMap<>();
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            codes.merge(agency.code().toUpperCase(Locale.ROOT), 1, Integer::sum);
            problems.addAll(problemsOf(agency));
            for (List<String> addresses : agency.requestAddresses().values()) {
                for (String address : addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList()) {
                    String owner = addressOwners.putIfAbsent(address, agency.code());
                    if (owner != null && !owner.equals(agency.code())) {
                        problems.add("request address '" + address + "' belongs to both " + owner + " and "
                                + agency.code() + ": a reply to it could not be told apart");
                    }
                }
            }
        }
        codes.forEach((code, count) -> {
            if (count > 1) {
                problems.add("code " + code + " is used by " + count + " agencies");
            }
        });
        for (Pathway pathway : Pathway.values()) {
            if (agencies.stream().noneMatch(a -> a.receivesRequestsFor(pathway))) {
                problems.add("no agency receives requests for pathway " + pathway);
            }
        }
        if (quorumSectors.isEmpty()) {
            problems.add("no quorum sectors are configured (onepanel.agencies.quorum-sectors)");
        }
        for (Sector sector : quorumSectors) {
            if (agencies.stream().noneMatch(a -> a.votingMember() && a.sector() == sector)) {
                problems.add("quorum needs " + sector + " but no voting member is in that sector");
            }
        }
        return problems;
    }

    /** One message listing every problem, one a line. */
    public static String describe(List<String> problems) {
        return "The agency directory has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":" + problems.stream().map(p -> "\n - " + p).collect(Collectors.joining());
    }

    private static List<String> problemsOf(Agency agency) {
        List<String> problems = new ArrayList<>();
        String who = "agency " + (agency.code().isEmpty() ? "'" + agency.name() + "'" : agency.code());
        if (!CODE.matcher(agency.code()).matches()) {
            problems.add(who + ": code '" + agency.code() + "' must be 2 to 16 upper-case letters and digits in "
                    + "hyphen-separated groups, starting with a letter (it goes into subject lines and addresses)");
        }
        if (agency.name().isEmpty()) {
            problems.add(who + ": has no name");
        }
        if (agency.allowedDomains().isEmpty()) {
            problems.add(who + ": has no allowed domains");
        }
        for (String domain : agency.allowedDomains()) {
            if (!MailDomains.isWellFormedDomain(domain)) {
                problems.add(who + ": allowed domain '" + domain + "' is not a well-formed domain name");
            }
        }
        agency.requestAddresses().forEach((pathway, addresses) -> {
            for (String address : addresses) {
                if (!MailDomains.isWellFormedAddress(address)) {
                    problems.add(who + ": request address '" + address + "' for " + pathway
                            + " is not a well-formed email address");
                } else if (MailDomains.domainOf(address)
                        .filter(d -> agency.allowedDomains().stream().anyMatch(allowed -> MailDomains.isWithin(d, allowed)))
                        .isEmpty()) {
                    problems.add(who + ": request address '" + address + "' for " + pathway
                            + " is outside the agency's allowed domains " + agency.allowedDomains());
                }
            }
        });
        return problems;
    }
}
