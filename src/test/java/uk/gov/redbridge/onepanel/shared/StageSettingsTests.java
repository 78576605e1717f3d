package uk.gov.redbridge.onepanel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The stages' threads as the service is shipped (application.yml, docs/intake-stages.md): intake has one thread per
 * parser slot, whatever the number of parsers, and a stage whose queue is full slows its producer instead of growing.
 */
class StageSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StageSettings.class)
    static class Stages {
    }

    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Stages.class);

    @Test
    void asShippedEachStageHasItsOwnThreadsAndIntakeOnePerParser() {
        shipped.run(ctx -> {
            StageSettings stages = ctx.getBean(StageSettings.class);
            assertThat(stages.triage()).isEqualTo(new StageSettings.Stage(2, 10_000));
            assertThat(stages.intake()).isEqualTo(new StageSettings.Stage(2, 10_000));
            assertThat(stages.outbox().stage()).isEqualTo(new StageSettings.Stage(2, 16));
        });
    }

    @Test
    void intakeThreadsFollowTheNumberOfParsers() {
        shipped.withPropertyValues("onepanel.extraction.isolation.workers=3").run(ctx -> {
            assertThat(ctx.getBean(StageSettings.class).intake().threads()).isEqualTo(3);
        });
    }

    /** Also: a default written on a nested record's parameter ({@code @DefaultValue({"1", "16"})}) cannot bind. */
    @Test
    void withoutApplicationYmlTheDefaultsAreTheSame() {
        StageSettings stages = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("onepanel.stages", StageSettings.class);
        assertThat(stages.triage()).isEqualTo(new StageSettings.Stage(2, 10_000));
        assertThat(stages.intake()).isEqualTo(new StageSettings.Stage(2, 10_000));
        assertThat(stages.outbox().stage()).isEqualTo(new StageSettings.Stage(2, 16));
    }

    @Test
    void aFullQueueMakesTheThreadHandingOverTheWorkDoItInsteadOfGrowing() throws InterruptedException {
        ThreadPoolTaskExecutor executor = new StageSettings.Stage(1, 1).executor("test-stage");
        executor.initialize();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                busy.countDown();
                awaitQuietly(release);
            });
            assertThat(busy.await(1, TimeUnit.MINUTES)).isTrue();
            executor.execute(() -> { });   // waits in the queue
            AtomicReference<String> ranOn = new AtomicReference<>();
            executor.execute(() -> ranOn.set(Thread.currentThread().getName()));   // the queue is full

            assertThat(ranOn.get()).as("run by the producer, not dropped, not queued").isEqualTo(
                    Thread.currentThread().getName());
            assertThat(executor.getThreadPoolExecutor().getPoolSize()).isEqualTo(1);
            assertThat(executor.getThreadPoolExecutor().getQueue()).hasSize(1);
            assertThat(executor.getThreadNamePrefix()).isEqualTo("test-stage-");
        } finally {
            release.countDown();
            executor.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
