package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import uk.gov.redbridge.onepanel.mailbox.MailAccount;
import uk.gov.redbridge.onepanel.mailbox.MailEndpoint;

/** The mailbox settings in application.yml and application-production.yml bind as the documentation says. */
class MailboxConfigurationFilesTests {

    @Test
    void theEmbeddedDefaultPointsTheThreePanelMailboxesAtTheEmbeddedServer() throws Exception {
        MailboxSettings settings = bind(Map.of(), "application.yml");

        assertThat(settings.embedded().enabled()).isTrue();
        assertThat(settings.accounts()).extracting(MailboxSettings.Account::name)
                .containsExactly("onepanel", "rsab", "rscp");
        assertThat(settings.accounts()).allSatisfy(a -> {
            assertThat(a.imap()).isEqualTo(new MailEndpoint("127.0.0.1", 3143, MailEndpoint.Security.NONE));
            assertThat(a.smtp()).isEqualTo(new MailEndpoint("127.0.0.1", 3025, MailEndpoint.Security.NONE));
            assertThat(a.auth().password()).isEqualTo(a.address());
        });
        assertThat(settings.embedded().mailboxes()).contains("RedbridgeOnePanel@redbridge.gov.uk",
                "RSAB@redbridge.gov.uk", "RedbridgeSCP@redbridge.gov.uk");
    }

    @Test
    void productionReadsMicrosoft365WithOauth2AndSecretsFromTheEnvironment() throws Exception {
        MailboxSettings settings = bind(Map.of("ONEPANEL_M365_TENANT_ID", "tenant", "ONEPANEL_M365_CLIENT_ID", "app",
                "ONEPANEL_M365_CERTIFICATE_PATH", "/run/secrets/onepanel.p12"), "application.yml",
                "application-production.yml");

        assertThat(settings.embedded().enabled()).isFalse();
        assertThat(settings.accounts()).extracting(MailboxSettings.Account::address).containsExactly(
                "RedbridgeOnePanel@redbridge.gov.uk", "RSAB@redbridge.gov.uk", "RedbridgeSCP@redbridge.gov.uk");
        assertThat(settings.accounts()).allSatisfy(a -> {
            assertThat(a.auth().type()).isEqualTo(MailAccount.Authentication.OAUTH2);
            assertThat(a.auth().tenantId()).isEqualTo("tenant");
            assertThat(a.auth().scope()).isEqualTo("https://outlook.office365.com/.default");
            assertThat(a.imap()).isEqualTo(new MailEndpoint("outlook.office365.com", 993, MailEndpoint.Security.SSL));
            assertThat(a.smtp()).isEqualTo(new MailEndpoint("smtp.office365.com", 587,
                    MailEndpoint.Security.STARTTLS));
            assertThat(a.user()).isEqualTo(a.address());
        });
    }

    @Test
    void productionRefusesToStartWithoutACredential() {
        assertThatThrownBy(() -> bind(Map.of("ONEPANEL_M365_TENANT_ID", "tenant", "ONEPANEL_M365_CLIENT_ID", "app"),
                "application.yml", "application-production.yml")).hasStackTraceContaining("client-secret");
    }

    private static MailboxSettings bind(Map<String, Object> environment, String... files) throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("environment", environment));
        for (String file : files) {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            loaded.forEach(sources::addFirst);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bindOrCreate("onepanel.mailbox", MailboxSettings.class);
    }
}
