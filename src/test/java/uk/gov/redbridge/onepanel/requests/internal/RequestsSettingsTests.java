package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import uk.gov.redbridge.onepanel.shared.Pathway;

class RequestsSettingsTests {

    /** The settings as application.yml gives them. */
    RequestsSettings embeddedDefaults() {
        return bind(Map.of());
    }

    @Test
    void theEmbeddedDefaultsFollowThePathwayRules() {
        RequestsSettings s = embeddedDefaults();
        assertThat(s.hold()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.pathway(Pathway.ADULTS_SAR).workingDays()).isEqualTo(10);
        assertThat(s.pathway(Pathway.ADULTS_SAR).reminders()).containsExactly(-1, 0);
        assertThat(s.pathway(Pathway.CHILDREN_CSPR).workingDays()).isEqualTo(5);
        assertThat(s.pathway(Pathway.CHILDREN_CSPR).milestones())
                .containsEntry("national-panel-notification", 5).containsEntry("rapid-review-report", 15);
        assertThat(s.pathways()).containsOnlyKeys(Pathway.values());
        assertThat(s.notKnownPhrases()).contains("not known to");
    }

    @Test
    void everyProblemIsListedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of(
                "onepanel.requests.secretariat-address", "not an address",
                "onepanel.requests.pathways.ADULTS_SAR.working-days", "0",
                "onepanel.requests.pathways.CHILDREN_CSPR.reminders", "-9,1",
                "onepanel.requests.pathways.CHILDREN_CSPR.escalate-after", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContainingAll("secretariat-address", "pathways.ADULTS_SAR.working-days",
                        "pathways.CHILDREN_CSPR.reminders: -9", "pathways.CHILDREN_CSPR.reminders: 1",
                        "pathways.CHILDREN_CSPR.escalate-after");
    }

    private static RequestsSettings bind(Map<String, Object> overrides) {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("overrides", overrides));
        try {
            sources.addAll(new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("onepanel.requests", RequestsSettings.class);
    }
}
