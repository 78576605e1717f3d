package uk.gov.redbridge.onepanel.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;

/** The extractor as the service builds it: settings bound and checked, mappings checked at start-up. */
class ExtractionConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withConfiguration(UserConfigurations.of(ExtractionConfiguration.class))
            .withBean(Clock.class, Clock::systemDefaultZone)
            .withBean(FormExtractor.class)
            .withPropertyValues("onepanel.extraction.isolation.enabled=false");

    @Test
    void theServiceExtractorReadsAFormWithTheDefaultSettings() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            FormExtractor extractor = ctx.getBean(FormExtractor.class);
            assertThat(extractor.reviewThreshold()).isEqualTo(0.8);
            SampleReferral sample = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
            ExtractionResult result = extractor.extract("form.docx", FormDocuments.officialTables(sample));
            assertThat(result).isInstanceOf(FormExtracted.class);
        });
    }

    @Test
    void badMappingFilesStopTheStartListingEachOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.yaml"), "sections: [");
        Files.writeString(dir.resolve("two.yaml"), "id: two\nrecognition: {}\nsections: []\n");
        context.withPropertyValues("onepanel.extraction.mappings-location=" + dir.toUri()).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("one.yaml: is not valid YAML")
                    .hasMessageContaining("two.yaml: needs a non-empty list 'sections'");
        });
    }

    @Test
    void settingsOutOfRangeStopTheStart() {
        context.withPropertyValues("onepanel.extraction.review-threshold=1.5").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).hasStackTraceContaining("reviewThreshold");
        });
    }

    @Test
    void theServiceStartsAndWarmsItsParsingWorkersBeforeAnyDocument() {
        context.withPropertyValues("onepanel.extraction.isolation.enabled=true",
                "onepanel.extraction.isolation.workers=1", "onepanel.extraction.isolation.worker-heap=256MB")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    HealthIndicator parsers = ctx.getBean("parsersHealthIndicator", HealthIndicator.class);
                    // no document read: the worker starts and warms up on its own
                    // (the service then reads a warm-up email of its own with it, so wait for it to be free again)
                    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                            .until(() -> parsers.health().getStatus().equals(Status.UP)
                                    && Integer.valueOf(1).equals(parsers.health().getDetails().get("ready")));
                    assertThat(parsers.health().getDetails()).containsEntry("workers", 1).containsEntry("restarts", 0)
                            .containsEntry("startFailures", 0);
                });
    }

    @Test
    void withoutPrestartNoWorkerStartsUntilADocumentComes() {
        context.withPropertyValues("onepanel.extraction.isolation.enabled=true",
                "onepanel.extraction.isolation.prestart=false").run(ctx -> {
                    HealthIndicator parsers = ctx.getBean("parsersHealthIndicator", HealthIndicator.class);
                    assertThat(parsers.health().getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(parsers.health().getDetails()).containsEntry("ready", 0).containsEntry("starting", 0);
                });
    }

    @Test
    void asShippedTheServiceStartsItsWorkersWarmAndTheTestsStartThemOnDemand() {
        ApplicationContextRunner shipped = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(SettingsOnly.class);
        shipped.run(ctx -> {
            ExtractionSettings.Isolation isolation = ctx.getBean(ExtractionSettings.class).isolation();
            assertThat(isolation.prestart()).isTrue();
            assertThat(isolation.documentsPerWorker()).isEqualTo(5000);
            assertThat(isolation.workers()).isEqualTo(2);
            // the command line, without application.yml, has the same defaults
            assertThat(isolation).isEqualTo(Engines.settings(java.util.Map.of()).isolation());
        });
        shipped.withPropertyValues("spring.profiles.active=test").run(ctx -> {
            assertThat(ctx.getBean(ExtractionSettings.class).isolation().prestart()).isFalse();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExtractionSettings.class)
    static class SettingsOnly {
    }

    @Test
    void theCommandLineBindsTheSameSettingsWithoutSpring() {
        try (ExtractionEngine engine = Engines.standalone(java.util.Map.of(
                "onepanel.extraction.review-threshold", "0.7", "onepanel.extraction.isolation.enabled", "false"))) {
            assertThat(engine.reviewThreshold()).isEqualTo(0.7);
        }
    }
}
