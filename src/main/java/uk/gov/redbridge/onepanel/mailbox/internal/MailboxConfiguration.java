package uk.gov.redbridge.onepanel.mailbox.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailboxSettings.class)
@EnableScheduling
class MailboxConfiguration {

    /** {@code /actuator/health/mailboxes/<name>}: one component per mailbox. */
    @Bean
    HealthContributor mailboxesHealthContributor(MailboxSettings settings, MailboxStates states, IdleWatchers idle,
            Clock clock, MailboxProgress progress) {
        Map<String, HealthContributor> each = new LinkedHashMap<>();
        for (MailboxSettings.Account account : settings.accounts()) {
            each.put(account.name(), new MailboxHealth(account.name(), states, idle,
                    settings.health().staleAfter(), clock, progress));
        }
        if (each.isEmpty()) {
            return (HealthIndicator) () -> Health.unknown().withDetail("mailboxes", "none configured").build();
        }
        return CompositeHealthContributor.fromMap(each);
    }

    @Bean
    @ConditionalOnProperty(name = "onepanel.mailbox.embedded.enabled", havingValue = "true", matchIfMissing = true)
    GreenMailServer embeddedMailServer(MailboxSettings settings) {
        return new GreenMailServer(settings);
    }
}
