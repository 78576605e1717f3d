package uk.gov.redbridge.onepanel.agencies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.shared.Pathway;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgenciesSettings.class)
class AgencyDirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgencyDirectoryConfiguration.class);

    @Bean
    AgencyDirectory agencyDirectory(AgenciesSettings settings) {
        AgencyDirectory directory = fromSettings(settings);
        log.info("Agency directory: {} agencies; requests per pathway: {}", directory.all().size(),
                java.util.Arrays.stream(Pathway.values())
                        .map(p -> p + " " + directory.receivingRequestsFor(p).size())
                        .collect(Collectors.joining(", ")));
        return directory;
    }

    /**
     * @throws IllegalArgumentException naming every problem: fields missing from an entry as well as whatever
     *                                  {@link DirectoryRules} finds in the complete ones
     */
    static AgencyDirectory fromSettings(AgenciesSettings settings) {
        List<String> problems = new ArrayList<>();
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < settings.directory().size(); i++) {
            AgenciesSettings.Entry entry = settings.directory().get(i);
            List<String> missing = new ArrayList<>();
            if (isBlank(entry.code())) {
                missing.add("code");
            }
            if (isBlank(entry.name())) {
                missing.add("name");
            }
            if (entry.sector() == null) {
                missing.add("sector");
            }
            if (!missing.isEmpty()) {
                problems.add("onepanel.agencies.directory[" + i + "]"
                        + (isBlank(entry.code()) ? "" : " (" + entry.code() + ")") + ": missing " + String.join(", ", missing));
                continue;
            }
            Agency agency = new Agency(entry.code(), entry.name(), entry.sector(), entry.requestAddresses(),
                    entry.allowedDomains(), entry.votingMember(), entry.organisation(), entry.memberRoles());
            if (settings.rejectExampleAddresses()) {
                problems.addAll(exampleAddresses(agency));
            }
            agencies.add(agency);
        }
        problems.addAll(DirectoryRules.problems(agencies, settings.quorumSectors()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(DirectoryRules.describe(problems));
        }
        return new AgencyDirectory(agencies, settings.quorumSectors());
    }

    /** {@code .example} is reserved (RFC 2606): the demo directory's made-up mailboxes, never real ones. */
    private static List<String> exampleAddresses(Agency agency) {
        return agency.requestAddresses().values().stream()
                .flatMap(List::stream)
                .distinct()
                .filter(a -> a.toLowerCase(Locale.ROOT).endsWith(".example"))
                .map(a -> "agency " + agency.code() + ": request address '" + a + "' is a demo address on a "
                        + "reserved .example domain; this profile needs the real directory")
                .toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
