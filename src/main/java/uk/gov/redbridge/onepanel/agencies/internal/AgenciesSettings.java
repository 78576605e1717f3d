package uk.gov.redbridge.onepanel.agencies.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.gov.redbridge.onepanel.agencies.Sector;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * The partner agencies. Checked at start-up as a whole ({@link DirectoryRules}); a missing field is reported with
 * the rest rather than by the binder one at a time, so nothing here is annotated.
 *
 * @param directory              the agencies, in the order pages and papers list them
 * @param quorumSectors          sectors that must be represented for the panel to be quorate
 * @param rejectExampleAddresses refuse request addresses on reserved {@code .example} domains: the production
 *                               profile sets it, so a service that was not given the real directory does not start
 */
@ConfigurationProperties("onepanel.agencies")
record AgenciesSettings(
        @DefaultValue List<Entry> directory,
        @DefaultValue Set<Sector> quorumSectors,
        boolean rejectExampleAddresses) {

    /** One agency as configured; see {@link uk.gov.redbridge.onepanel.agencies.Agency} for each field. */
    record Entry(String code, String name, String organisation, Sector sector,
                 Map<Pathway, List<String>> requestAddresses, List<String> allowedDomains,
                 boolean votingMember, List<String> memberRoles) {
    }
}
