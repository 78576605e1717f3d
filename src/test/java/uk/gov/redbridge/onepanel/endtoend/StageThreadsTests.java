package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Each stage has threads of its own (onepanel.stages, docs/intake-stages.md): with every intake thread busy, a new
 * message is still triaged and mail is still sent; the referral itself waits as a queued task, not on a parked
 * thread, and is logged once intake has a thread free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StageThreadsTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Correspondence correspondence;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("intakeExecutor")
    ThreadPoolTaskExecutor intake;
    @Autowired
    @Qualifier("triageExecutor")
    ThreadPoolTaskExecutor triage;

    MailServerClient mail;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    @Test
    void withEveryIntakeThreadBusyMessagesAreStillTriagedAndMailStillSent() throws Exception {
        Quiescence.await(jdbc);
        int threads = intake.getMaxPoolSize();
        assertThat(threads).as("one intake thread per parser slot").isEqualTo(2);
        assertThat(triage.getThreadNamePrefix()).isEqualTo("triage-");
        CountDownLatch busy = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            intake.execute(() -> {
                busy.countDown();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        String sender = "referrer." + UUID.randomUUID().toString().substring(0, 8) + "@nhs-trust.example";
        try {
            assertThat(busy.await(1, TimeUnit.MINUTES)).isTrue();
            mail.deliver(TestMail.create().from(sender).to(ONEPANEL).subject("One Panel referral")
                    .text(TestMail.bodyReferral("Morgan", "Stagewise", "03/04/1975", "Found at home after a fall.",
                            sender)).bytes(), ONEPANEL);
            accounts.pollNow();

            // triaged on its own threads while intake's are all taken ...
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> verdictOf(sender) != null);
            assertThat(verdictOf(sender)).isEqualTo("REFERRAL");
            // ... and mail is sent on the outbox's ...
            QueuedMail queued = tx.execute(s -> correspondence.queue(OutgoingMail.of("meeting-cancelled",
                    Map.of("meetingDate", "Tuesday 9 June 2026", "meetingTime", "10:00", "reason", "a test"),
                    "onepanel", List.of("panel.secretariat@redbridge.example"), null, "test")));
            Awaitility.await().atMost(Duration.ofMinutes(1))
                    .until(() -> correspondence.find(queued.id()).orElseThrow().state() == OutboundState.SENT);
            // ... while the referral waits in intake's queue, not on a thread of its own
            assertThat(referrals(sender)).isZero();
            assertThat(intake.getThreadPoolExecutor().getQueue()).hasSize(1);
            assertThat(intake.getActiveCount()).isEqualTo(threads);
        } finally {
            release.countDown();
        }
        Quiescence.await(jdbc, Duration.ofMinutes(2));
        assertThat(referrals(sender)).isEqualTo(1);
    }

    private String verdictOf(String sender) {
        return jdbc.sql("SELECT t.verdict FROM triage_decision t JOIN inbound_message m ON m.id = t.message_id"
                + " WHERE m.sender LIKE :s").param("s", "%" + sender + "%").query(String.class).optional()
                .orElse(null);
    }

    private long referrals(String sender) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE sender_address = :s").param("s", sender)
                .query(Long.class).single();
    }
}
