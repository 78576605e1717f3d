package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * The event publication registry's additions (docs/reliability.md, "Events between modules"): which publications
 * this instance holds and shows alive, and the guard around every listener.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    InFlightPublications inFlightPublications(JdbcClient jdbc, Clock clock, EventSettings settings) {
        return new InFlightPublications(jdbc, clock, settings);
    }

    /** Wraps Modulith's JDBC repository (already transactional) to learn which publications this instance holds. */
    @Bean
    static BeanPostProcessor heldEventPublicationRepository(ObjectProvider<InFlightPublications> held) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventPublicationRepository repository
                        && !(bean instanceof HeldEventPublicationRepository)) {
                    return new HeldEventPublicationRepository(repository, held.getObject());
                }
                return bean;
            }
        };
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ListenerGuard listenerGuard(ObjectProvider<EventSettings> settings) {
        return new ListenerGuard(settings.getObject().transientRetry());
    }
}
