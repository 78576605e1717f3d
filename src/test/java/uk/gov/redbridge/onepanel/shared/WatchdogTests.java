package uk.gov.redbridge.onepanel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A step past its limit is abandoned: the caller goes on at once, and the step's one thread is given back. */
class WatchdogTests {

    @Test
    void aStepWithinItsLimitGivesItsResultAndItsExceptions() {
        assertThat(Watchdog.call("add", Duration.ofSeconds(30), () -> 1 + 1)).isEqualTo(2);
        assertThatThrownBy(() -> Watchdog.call("fail", Duration.ofSeconds(30), () -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    @Test
    void aBacktrackingPatternPastItsLimitIsAbandonedAndItsThreadComesBack() {
        // the old address pattern of HeaderFacts: quadratic over a long display name without an @ (issue 11)
        Pattern evil = Pattern.compile("[^\\s<>(),;:\"\\[\\]]+@[^\\s<>(),;:\"\\[\\]]+");
        String text = "N".repeat(1 << 20);
        int before = Watchdog.abandonedStillRunning();

        assertThatThrownBy(() -> Watchdog.call("matching", Duration.ofMillis(200),
                () -> evil.matcher(Watchdog.interruptible(text)).find()))
                .isInstanceOf(Watchdog.TimedOut.class).hasMessageContaining("matching");

        // interrupted, the pattern's next read of the text throws: the thread is free again
        await().atMost(Duration.ofSeconds(30)).until(() -> Watchdog.abandonedStillRunning() == before);
    }

    @Test
    void aStepThatIgnoresInterruptsHoldsOneThreadUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int before = Watchdog.abandonedStillRunning();

        assertThatThrownBy(() -> Watchdog.call("stubborn", Duration.ofMillis(100), () -> {
            while (true) {
                try {
                    release.await();
                    return null;
                } catch (InterruptedException ignored) {
                    // a step that does not listen
                }
            }
        })).isInstanceOf(Watchdog.TimedOut.class);

        assertThat(Watchdog.abandonedStillRunning()).isEqualTo(before + 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> Watchdog.abandonedStillRunning() == before);
    }

    @Test
    void aWatchdogNeverTakesMoreThanItsThreadsAndRefusesAStepWhenAbandonedStepsHoldThemAll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Watchdog stage = new Watchdog("test-step", 2)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> stage.run("stubborn", Duration.ofMillis(50), () -> ignoringInterrupts(release)))
                        .isInstanceOf(Watchdog.TimedOut.class);
            }
            assertThat(stage.abandoned()).isEqualTo(2);

            // refused at once, not queued behind the stubborn ones (and not blamed on the message: not TimedOut)
            assertThatThrownBy(() -> stage.run("the next message", Duration.ofSeconds(30), () -> 1))
                    .isInstanceOf(Watchdog.Busy.class).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("the next message was not started").hasMessageContaining("all 2 threads");

            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> stage.abandoned() == 0);
            // the threads came back: the next step runs, on one of the watchdog's threads
            await().atMost(Duration.ofSeconds(30)).ignoreException(Watchdog.Busy.class)
                    .until(() -> stage.run("the next message", Duration.ofSeconds(30),
                            () -> Thread.currentThread().getName()).startsWith("test-step-"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aStagesWatchdogHasOneStepThreadPerStageThreadAndRoomForAFewMore() {
        try (Watchdog intake = new StageSettings.Stage(2, 100).watchdog("intake")) {
            assertThat(intake.maxThreads()).isEqualTo(2 + StageSettings.WATCHDOG_ROOM);
            assertThat(intake.run("name", Duration.ofSeconds(30), () -> Thread.currentThread().getName()))
                    .isEqualTo("intake-step-1");
        }
    }

    private static Object ignoringInterrupts(CountDownLatch release) {
        while (true) {
            try {
                release.await();
                return null;
            } catch (InterruptedException ignored) {
                // a step that does not listen
            }
        }
    }
}
