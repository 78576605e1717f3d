package uk.gov.redbridge.onepanel.agencies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.agencies.Sector;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/** The directory shipped in {@code application.yml}, bound as Spring binds it, and start-up validation. */
class AgencyDirectoryConfigurationTests {

    private static AgenciesSettings shippedSettings() throws IOException {
        return settingsFrom("application.yml");
    }

    /** Later files win, as a profile's file wins over application.yml. */
    private static AgenciesSettings settingsFrom(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : files) {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(environment.getPropertySources()::addFirst);
        }
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("onepanel.agencies", AgenciesSettings.class);
    }

    private static AgencyDirectory shipped() throws IOException {
        return AgencyDirectoryConfiguration.fromSettings(shippedSettings());
    }

    @Test
    void holdsTheAgenciesOfTheTermsOfReference() throws IOException {
        AgencyDirectory directory = shipped();

        assertThat(directory.all()).extracting(Agency::code).containsExactly("LBR-ASC", "LBR-CSC", "NELFT",
                "NEL-ICS", "BHRUT", "BARTS", "MPS", "CSP", "NPS", "LBR-HOUSING", "REFUGE", "LBR-PH", "LBR-LEGAL");
        assertThat(directory.all()).allMatch(Agency::votingMember);
        assertThat(directory.byCode("MPS")).get().extracting(Agency::sector).isEqualTo(Sector.POLICE);
        assertThat(directory.byCode("LBR-CSC")).get().extracting(Agency::organisation)
                .isEqualTo("London Borough of Redbridge");
        assertThat(directory.byCode("NELFT")).get().extracting(Agency::memberRoles).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(3);
        assertThat(directory.quorumSectors()).containsExactlyInAnyOrder(Sector.HEALTH, Sector.CHILDRENS_SOCIAL_CARE,
                Sector.ADULTS_SOCIAL_CARE, Sector.COMMUNITY_SAFETY, Sector.POLICE);
    }

    @Test
    void sendsAdultAndChildrenRequestsToAllPartnersAndDomesticHomicideToTheCspsPartners() throws IOException {
        AgencyDirectory directory = shipped();

        assertThat(directory.receivingRequestsFor(Pathway.ADULTS_SAR)).hasSize(13);
        assertThat(directory.receivingRequestsFor(Pathway.CHILDREN_CSPR)).hasSize(13);
        assertThat(directory.receivingRequestsFor(Pathway.DOMESTIC_HOMICIDE)).extracting(Agency::code)
                .contains("CSP", "MPS", "REFUGE", "NPS").doesNotContain("LBR-LEGAL").hasSize(12);
        assertThat(directory.byCode("NELFT").orElseThrow().requestAddressesFor(Pathway.CHILDREN_CSPR))
                .containsExactly("safeguarding.children@nelft.example");
    }

    @Test
    void demoRequestAddressesAreOnlyOnReservedExampleDomainsWhileRealDomainsAreAllowed() throws IOException {
        for (Agency agency : shipped().all()) {
            assertThat(agency.requestAddresses().values()).allSatisfy(addresses ->
                    assertThat(addresses).allMatch(a -> a.endsWith(".example"), "on .example"));
            assertThat(agency.allowedDomains()).as(agency.code())
                    .anyMatch(d -> d.endsWith(".example"))
                    .anyMatch(d -> !d.endsWith(".example"));
        }
    }

    @Test
    void codesFitASubjectTokenAndAPlusAddress() throws IOException {
        ReferralReference reference = new ReferralReference(2026, 1);
        for (Agency agency : shipped().all()) {
            String token = "[" + reference + "/" + agency.code() + "]";
            String plusAddress = "RSAB+" + (reference + "-" + agency.code()).toLowerCase(Locale.ROOT)
                    + "@redbridge.example";
            assertThat(token).matches("\\[OP-2026-0001/[A-Z0-9-]+]");
            assertThat(ReferralReference.findIn(plusAddress)).contains(reference);
            assertThat(plusAddress).matches("[A-Za-z0-9+.-]+@redbridge\\.example");
        }
    }

    @Test
    void identifiesSendersOfTheShippedDirectory() throws IOException {
        AgencyDirectory directory = shipped();

        assertThat(directory.forSenderAddress("adults.safeguarding@redbridge.example")).get()
                .extracting(Agency::code).isEqualTo("LBR-ASC");
        assertThat(directory.forSenderAddress("someone@nelft.example")).get()
                .extracting(Agency::code).isEqualTo("NELFT");
        assertThat(directory.forSenderAddress("someone@met.police.uk")).get()
                .extracting(Agency::code).isEqualTo("MPS");
        assertThat(directory.forSenderAddress("someone@nhs.net")).isEmpty();
        assertThat(directory.candidatesForSender("someone@nhs.net")).extracting(Agency::code)
                .containsExactly("NELFT", "NEL-ICS", "BHRUT", "BARTS");
        assertThat(directory.isAllowedDomain("someone@justice.gov.uk")).isTrue();
        assertThat(directory.isAllowedDomain("someone@example.com")).isFalse();
    }

    @Test
    void theProductionProfileRefusesTheDemoDirectory() throws IOException {
        AgenciesSettings asInProduction = settingsFrom("application.yml", "application-production.yml");

        assertThat(asInProduction.rejectExampleAddresses()).isTrue();

        assertThatThrownBy(() -> AgencyDirectoryConfiguration.fromSettings(asInProduction))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agency NELFT: request address 'safeguarding.children@nelft.example' is a demo "
                        + "address on a reserved .example domain");
    }

    /** A directory of one police agency, whose sector and other fields each test adds. */
    private final ApplicationContextRunner policeOnly = new ApplicationContextRunner()
            .withUserConfiguration(AgencyDirectoryConfiguration.class)
            .withPropertyValues(
                    "onepanel.agencies.quorum-sectors=POLICE",
                    "onepanel.agencies.directory[0].code=MPS",
                    "onepanel.agencies.directory[0].name=Police",
                    "onepanel.agencies.directory[0].allowed-domains=mps.example,met.police.uk",
                    "onepanel.agencies.directory[0].request-addresses.ADULTS_SAR=ea@mps.example");

    @Test
    void startUpFailsNamingMissingFieldsAndEveryOtherProblem() {
        policeOnly
                .withPropertyValues(
                        "onepanel.agencies.directory[1].code=NELFT",
                        "onepanel.agencies.directory[1].sector=HEALTH",
                        "onepanel.agencies.directory[1].name=NELFT",
                        "onepanel.agencies.directory[1].allowed-domains=nelft.example",
                        "onepanel.agencies.directory[1].request-addresses.CHILDREN_CSPR=kids@elsewhere.example")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("onepanel.agencies.directory[0] (MPS): missing sector")
                        .hasMessageContaining("agency NELFT: request address 'kids@elsewhere.example' for CHILDREN_CSPR "
                                + "is outside the agency's allowed domains")
                        .hasMessageContaining("no agency receives requests for pathway ADULTS_SAR")
                        .hasMessageContaining("quorum needs POLICE"));
    }

    @Test
    void bindsPathwayKeysAndBuildsTheBean() {
        policeOnly
                .withPropertyValues(
                        "onepanel.agencies.directory[0].sector=POLICE",
                        "onepanel.agencies.directory[0].voting-member=true",
                        "onepanel.agencies.directory[0].request-addresses.CHILDREN_CSPR=ea@mps.example",
                        "onepanel.agencies.directory[0].request-addresses.DOMESTIC_HOMICIDE=dhr@mps.example",
                        "onepanel.agencies.directory[0].request-addresses.LEARNING_ONLY=ea@mps.example")
                .run(context -> {
                    AgencyDirectory directory = context.getBean(AgencyDirectory.class);
                    assertThat(directory.receivingRequestsFor(Pathway.DOMESTIC_HOMICIDE).get(0)
                            .requestAddressesFor(Pathway.DOMESTIC_HOMICIDE)).isEqualTo(List.of("dhr@mps.example"));
                });
    }
}
