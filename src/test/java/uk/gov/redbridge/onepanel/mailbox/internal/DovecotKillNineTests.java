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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.testing.ServiceProcess;
import uk.gov.redbridge.onepanel.testing.DovecotServer;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The whole intake under kill -9, against a real IMAP server: Dovecot (as in production, not the embedded
 * GreenMail), the service as its own JVM on an H2 file, killed with SIGKILL at random moments while a batch of mail
 * arrives (after 1 to 4 referrals of the run are logged: the first ones are what the last kill left, redelivered at
 * start-up; the others the new batch) and restarted, trial after trial. At the end, with the service left to settle: every message stored once and none left in the inbox; every
 * referral email exactly one referral and one acknowledgement row, delivered once (or UNCERTAIN, shown to the
 * secretariat, when a kill caught it mid-send); nothing else a referral; no event publication left incomplete.
 * {@code -Dkill9.trials=N} (CI: 3; a release: 100) and {@code -Dkill9.seed}. External: needs Dovecot
 * ({@code dovecot-imapd}, started as a plain process by {@link DovecotServer}) and root.
 */
@External
class DovecotKillNineTests {

    private static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    private static final int REFERRALS_PER_TRIAL = 9;
    private static final int NOTES_PER_TRIAL = 3;

    @TempDir
    Path dir;
    private DovecotServer dovecot;
    private GreenMailServer smtpSink;
    private Process app;
    private String jdbcUrl;

    @BeforeEach
    void startMailServers() throws Exception {
        dovecot = DovecotServer.start(Files.createTempDirectory("onepanel-dovecot"), List.of(ONEPANEL));
        // acknowledgements go out through this SMTP server (GreenMail keeps every message it accepts)
        smtpSink = TestSettings.startedMailServer(ONEPANEL);
        jdbcUrl = "jdbc:h2:file:" + dir.resolve("db/onepanel") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        smtpSink.stop();
        dovecot.close();
    }

    @Test
    void killedAtRandomWhileMailArrivesEveryReferralEmailBecomesOneReferralWithOneAcknowledgement() throws Exception {
        int trials = Integer.getInteger("kill9.trials", 10);
        long seed = Long.getLong("kill9.seed", System.nanoTime());
        Random random = new Random(seed);
        Set<String> referralSenders = new HashSet<>();
        Set<String> noteSenders = new HashSet<>();
        int n = 0;
        try (ImapClient person = new ImapClient("127.0.0.1", dovecot.port(), ONEPANEL)) {
            for (int trial = 0; trial < trials; trial++) {
                app = startApp(trial);
                // a batch arrives while the service starts and redelivers what the last kill left
                List<byte[]> batch = new ArrayList<>();
                for (int i = 0; i < REFERRALS_PER_TRIAL + NOTES_PER_TRIAL; i++, n++) {
                    boolean referral = i < REFERRALS_PER_TRIAL;
                    String sender = (referral ? "kill9.referrer." : "kill9.colleague.") + n + "@nhs.net";
                    (referral ? referralSenders : noteSenders).add(sender);
                    batch.add(referral ? referralEmail(sender, n) : note(sender, n));
                }
                java.util.Collections.shuffle(batch, random);
                person.append("INBOX", batch.toArray(new byte[0][]));
                awaitStarted(trial);
                // mid-intake: after a few referrals of this run (the first ones are what the last kill left,
                // redelivered at start-up), at a random moment
                awaitReferralsLogged(trial, 1 + random.nextInt(4), Duration.ofSeconds(90));
                Thread.sleep(random.nextInt(1500));
                app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }

            app = startApp(trials);
            awaitStarted(trials);
            try {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> person.count("INBOX") == 0 && referralsBySender().keySet().containsAll(referralSenders)
                                && incompletePublications() == 0 && unsentMail() == 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // fall through to the assertions, which say what is missing
            }
            keepLogs(trials);
            StringBuilder perRun = new StringBuilder();
            for (int run = 0; run <= trials; run++) {
                perRun.append(" run ").append(run).append(": ")
                        .append(count(Files.readString(dir.resolve("app-" + run + ".log")), "logged as referral"))
                        .append(" referrals logged;");
            }
            System.out.printf("Dovecot kill -9: %d trials (seed %d), %d messages (%d referral emails);%s%n", trials,
                    seed, n, referralSenders.size(), perRun);

            assertThat(person.count("INBOX")).as("left in the inbox").isZero();
            assertThat(rowsPerSender().values()).as("stored rows per message").containsOnly(1);
            assertThat(rowsPerSender()).as("messages stored").hasSize(n);
            Map<String, Integer> referrals = referralsBySender();
            assertThat(referrals.keySet()).as("referral emails that became referrals").containsAll(referralSenders);
            assertThat(referrals.values()).as("referrals per referral email").containsOnly(1);
            assertThat(referrals.keySet()).as("notes that became referrals").doesNotContainAnyElementsOf(noteSenders);
            assertThat(incompletePublications()).as("event publications left incomplete").isZero();

            Map<String, List<String>> ackStates = acknowledgementStates();
            Map<String, Integer> delivered = acknowledgementsDelivered();
            for (String sender : referralSenders) {
                assertThat(ackStates.get(sender)).as("acknowledgement rows for " + sender).hasSize(1);
                int got = delivered.getOrDefault(sender, 0);
                assertThat(got).as("acknowledgements delivered to " + sender).isLessThanOrEqualTo(1);
                if (got == 0) {
                    assertThat(ackStates.get(sender)).as("an acknowledgement not delivered is UNCERTAIN")
                            .containsExactly("UNCERTAIN");
                }
            }
            assertThat(delivered.keySet()).as("acknowledgements to notes").doesNotContainAnyElementsOf(noteSenders);
        }
    }

    private static byte[] referralEmail(String sender, int n) {
        return TestMail.create().from(sender).to(ONEPANEL).subject("One Panel referral " + n)
                .text(TestMail.bodyReferral("Kit", "Killnine" + (char) ('a' + n % 26), "0" + (1 + n % 9) + "/03/1960",
                        "Self-neglect; case " + n + ".", "020 7946 " + String.format("%04d", n)))
                .bytes();
    }

    private static byte[] note(String sender, int n) {
        return TestMail.create().from(sender).to(ONEPANEL).subject("Room booking " + n)
                .text("Could we move Thursday's meeting to room 2? (" + n + ")").bytes();
    }

    private Process startApp(int run) throws IOException {
        return service().start(run);
    }

    private void awaitStarted(int run) {
        service().awaitStarted(run, Duration.ofMinutes(3));
    }

    private ServiceProcess service() {
        return new ServiceProcess(dir, "512m", jdbcUrl, ONEPANEL, dovecot.port(), smtpSink.info().smtpPort(), List.of("--onepanel.mailbox.poll-interval=PT2S", "--onepanel.extraction.isolation.enabled=false", "--onepanel.requests.hold=P30D"));
    }

    private void awaitReferralsLogged(int run, int referrals, Duration atMost) throws InterruptedException, IOException {
        Path log = dir.resolve("app-" + run + ".log");
        long end = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < end && count(Files.readString(log), "logged as referral") < referrals) {
            Thread.sleep(100);
        }
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }

    private void keepLogs(int trials) throws IOException {
        Path kept = Path.of("target", "kill9-dovecot-logs");
        Files.createDirectories(kept);
        for (int run = 0; run <= trials; run++) {
            Files.copy(dir.resolve("app-" + run + ".log"), kept.resolve("app-" + run + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rows.read(rs);
        }
    }

    private static String address(String sender) {
        int lt = sender.indexOf('<');
        return (lt >= 0 ? sender.substring(lt + 1, sender.indexOf('>', lt)) : sender).trim().toLowerCase();
    }

    private Map<String, Integer> rowsPerSender() throws SQLException {
        return query("SELECT sender FROM inbound_message", rs -> {
            Map<String, Integer> rows = new HashMap<>();
            while (rs.next()) {
                rows.merge(address(rs.getString(1)), 1, Integer::sum);
            }
            return rows;
        });
    }

    /** Referrals (ORIGINAL link) per sender of the referral email. */
    private Map<String, Integer> referralsBySender() throws SQLException {
        return query("SELECT m.sender FROM referral_message rm JOIN inbound_message m ON m.id = rm.message_id "
                + "WHERE rm.role = 'ORIGINAL'", rs -> {
                    Map<String, Integer> rows = new HashMap<>();
                    while (rs.next()) {
                        rows.merge(address(rs.getString(1)), 1, Integer::sum);
                    }
                    return rows;
                });
    }

    private int incompletePublications() throws SQLException {
        return query("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", rs -> {
            rs.next();
            return rs.getInt(1);
        });
    }

    private int unsentMail() throws SQLException {
        return query("SELECT COUNT(*) FROM outbound_mail WHERE state IN ('PENDING', 'RETRY', 'SENDING')", rs -> {
            rs.next();
            return rs.getInt(1);
        });
    }

    /** Outbox states of each referral's acknowledgement rows, by the referral email's sender. */
    private Map<String, List<String>> acknowledgementStates() throws SQLException {
        return query("SELECT m.sender, o.state FROM outbound_mail o JOIN referral r ON r.reference = o.referral_reference "
                + "JOIN referral_message rm ON rm.referral_id = r.id AND rm.role = 'ORIGINAL' "
                + "JOIN inbound_message m ON m.id = rm.message_id WHERE o.correlation = 'acknowledgement'", rs -> {
                    Map<String, List<String>> rows = new HashMap<>();
                    while (rs.next()) {
                        rows.computeIfAbsent(address(rs.getString(1)), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                    return rows;
                });
    }

    /** Acknowledgements the SMTP server accepted, per recipient. */
    private Map<String, Integer> acknowledgementsDelivered() throws Exception {
        Map<String, Integer> delivered = new HashMap<>();
        for (MimeMessage m : smtpSink.greenMail().getReceivedMessages()) {
            for (jakarta.mail.Address to : m.getAllRecipients()) {
                delivered.merge(address(to.toString()), 1, Integer::sum);
            }
        }
        return delivered;
    }
}
