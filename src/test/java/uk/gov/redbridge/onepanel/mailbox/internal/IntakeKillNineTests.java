package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.testing.ServiceProcess;

/**
 * RELIABILITY I1 at process level: the application runs as its own JVM against a mail server that outlives it, is
 * killed with SIGKILL at random moments while mail arrives, and restarted; at the end every message sent is stored
 * exactly once and none is left in the inbox. {@code -Dkill9.trials=N} (default 10) sets the number of kills.
 * External: it starts JVMs of its own, so it runs in CI ({@code -Dexternal=true}), not in every local build.
 * The mail server's threads complain when a killed client's connection ends mid-command: the waits here ignore
 * other threads' exceptions.
 */
@External
class IntakeKillNineTests {

    private static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    private static final int MESSAGES = 150;

    @TempDir
    Path dir;
    private GreenMailServer mailServer;
    private Process app;
    private String jdbcUrl;

    @BeforeEach
    void startMailServer() throws Exception {
        mailServer = TestSettings.startedMailServer(ONEPANEL);
        // as application.yml: WRITE_DELAY=0, or H2 loses the last commits on kill -9; AUTO_SERVER lets this test look
        jdbcUrl = "jdbc:h2:file:" + dir.resolve("db/onepanel") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        mailServer.stop();
    }

    @Test
    void killedAtRandomWhileMailArrivesEveryMessageIsStoredExactlyOnce() throws Exception {
        int trials = Integer.getInteger("kill9.trials", 10);
        Random random = new Random(Long.getLong("kill9.seed", System.nanoTime()));
        AtomicInteger sent = new AtomicInteger();
        Thread injector = new Thread(() -> inject(sent), "kill9-injector");
        injector.start();

        for (int trial = 0; trial < trials; trial++) {
            app = startApp(trial);
            awaitStarted(trial);
            // uniform over the intake loop once the application runs
            Thread.sleep(random.nextInt(3000));
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        injector.join();

        app = startApp(trials);
        try (ImapClient person = new ImapClient("127.0.0.1", mailServer.info().imapPort(), ONEPANEL)) {
            try {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> person.count("INBOX") == 0 && storedRows() >= MESSAGES);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // fall through to the assertions, which say what is missing
            }
            report(trials);
            Map<String, Integer> rowsPerMessage = rowsPerMessageId();
            assertThat(sent.get()).isEqualTo(MESSAGES);
            assertThat(person.count("INBOX")).as("left in the inbox").isZero();
            assertThat(rowsPerMessage.values()).as("rows per message").containsOnly(1);
            assertThat(rowsPerMessage).as("messages stored").hasSize(MESSAGES);
            assertThat(person.count("OnePanel Processed")).isEqualTo(MESSAGES);
        }
    }

    /** What the kills interrupted: messages logged per run, and moves repeated after a kill between commit and move. */
    private void report(int trials) throws IOException {
        StringBuilder summary = new StringBuilder("kill -9 harness: ");
        for (int run = 0; run <= trials; run++) {
            String log = Files.readString(dir.resolve("app-" + run + ".log"));
            summary.append(" run ").append(run).append(": logged ").append(count(log, "logged as"))
                    .append(", moves repeated ").append(count(log, "MOVED=")).append(';');
        }
        System.out.println(summary);
        Path kept = Path.of("target", "kill9-logs");
        Files.createDirectories(kept);
        for (int run = 0; run <= trials; run++) {
            Files.copy(dir.resolve("app-" + run + ".log"), kept.resolve("app-" + run + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }

    private void inject(AtomicInteger sent) {
        try (ImapClient sender = new ImapClient("127.0.0.1", mailServer.info().imapPort(), ONEPANEL)) {
            for (int i = 0; i < MESSAGES; i++) {
                sender.append("INBOX", TestMail.simple("kill9-" + i + "@nhs-trust.example", ONEPANEL, "tag " + i));
                sent.incrementAndGet();
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Process startApp(int run) throws IOException {
        return service().start(run);
    }

    private void awaitStarted(int run) {
        service().awaitStarted(run, Duration.ofMinutes(2));
    }

    private ServiceProcess service() {
        return new ServiceProcess(dir, "384m", jdbcUrl, ONEPANEL, mailServer.info().imapPort(), mailServer.info().smtpPort(), List.of("--onepanel.mailbox.poll-interval=PT1S"));
    }

    private long storedRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inbound_message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Integer> rowsPerMessageId() throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT message_id_header FROM inbound_message")) {
            while (rs.next()) {
                rows.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return rows;
    }
}
