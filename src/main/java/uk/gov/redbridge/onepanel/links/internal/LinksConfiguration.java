package uk.gov.redbridge.onepanel.links.internal;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinksSettings.class)
class LinksConfiguration {

    @Bean
    MatchingRules matchingRules(LinksSettings settings) {
        return MatchingRules.from(settings);
    }

    @Bean
    LinkFinder linkFinder(LinkRepository repository, MatchingRules rules, PlatformTransactionManager transactions,
            Clock clock) {
        return new LinkFinder(repository, rules, new TransactionTemplate(transactions), clock);
    }
}
