package uk.gov.redbridge.onepanel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
}
