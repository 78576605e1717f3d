package uk.gov.redbridge.onepanel.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.ScriptedSmtpServer;

/**
 * The outbox against an SMTP server that fails on demand (RELIABILITY.md S2-S5, S7): nothing sent for a rolled-back
 * change, temporary failures retried until delivered once, permanent failures final, a send caught between the
 * server's 250 and our commit never repeated by itself, recipients outside the allowed domains never sent to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "onepanel.correspondence.templates-location=src/test/resources/mail-templates-test",
        "onepanel.correspondence.initial-backoff=PT0.2S",
        "onepanel.correspondence.max-backoff=PT0.5S",
        "onepanel.correspondence.stale-sending-after=PT1S",
        "onepanel.correspondence.send-interval=PT1H",
        "onepanel.correspondence.max-per-recipient-per-hour=3"})
@ActiveProfiles("test")
@Import(OutboxTests.Hooks.class)
class OutboxTests {

    /** One server for this class and its PostgreSQL subclass (a static field they share): never closed early. */
    static final ScriptedSmtpServer SMTP = start();

    @Autowired
    Correspondence correspondence;
    @Autowired
    OutboxSender sender;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CrashAfterAccepted hook;

    static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void sendThroughTheScriptedServer(DynamicPropertyRegistry registry) {
        String[][] accounts = {{"onepanel", "RedbridgeOnePanel@redbridge.gov.uk"}, {"rsab", "RSAB@redbridge.gov.uk"},
                {"rscp", "RedbridgeSCP@redbridge.gov.uk"}};
        for (int i = 0; i < accounts.length; i++) {
            String p = "onepanel.mailbox.accounts[" + i + "].";
            registry.add(p + "name", () -> accounts[Integer.parseInt(p.replaceAll("\\D", ""))][0]);
            registry.add(p + "address", () -> accounts[Integer.parseInt(p.replaceAll("\\D", ""))][1]);
            registry.add(p + "imap.host", () -> "127.0.0.1");
            registry.add(p + "imap.port", () -> "1");
            registry.add(p + "imap.security", () -> "NONE");
            registry.add(p + "smtp.host", () -> "127.0.0.1");
            registry.add(p + "smtp.port", SMTP::port);
            registry.add(p + "smtp.security", () -> "NONE");
            registry.add(p + "auth.type", () -> "PASSWORD");
            registry.add(p + "auth.password", () -> "unused");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        @Primary
        CrashAfterAccepted crashAfterAccepted() {
            return new CrashAfterAccepted();
        }
    }

    /** Stands for a kill -9 between the server's 250 and the commit that records it. */
    static class CrashAfterAccepted extends SendHooks {
        final AtomicBoolean crash = new AtomicBoolean();
        /** The next send is held here, after the server's 250, until the gate opens (a slow SMTP conversation). */
        final AtomicBoolean holdNext = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicReference<OutboundMailId> held = new java.util.concurrent.atomic.AtomicReference<>();
        volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

        @Override
        public void afterAccepted(OutboundMailId id) {
            if (crash.getAndSet(false)) {
                throw new IllegalStateException("simulated crash after 250, before commit");
            }
            if (holdNext.getAndSet(false)) {
                held.set(id);
                try {
                    gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @BeforeEach
    void reset() {
        SMTP.mode(ScriptedSmtpServer.Mode.ACCEPT);
        hook.crash.set(false);
        hook.holdNext.set(false);
        hook.held.set(null);
        hook.gate.countDown();
    }

    private QueuedMail queue(String to) {
        return tx.execute(s -> correspondence.queue(OutgoingMail.of("note", Map.of("reference", "OP-2026-0900",
                "topic", "test"), "onepanel", List.of(to), "OP-2026-0900", "test")));
    }

    private OutboundMail row(QueuedMail q) {
        return correspondence.find(q.id()).orElseThrow();
    }

    private long delivered(QueuedMail q) {
        return SMTP.acceptedMessageIds().stream().filter(q.messageId()::equals).count();
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String to = "rollback@nelft.example";
        tx.executeWithoutResult(s -> {
            correspondence.queue(OutgoingMail.of("note", Map.of("reference", "OP-2026-0901", "topic", "t"),
                    "onepanel", List.of(to), "OP-2026-0901", "test"));
            s.setRollbackOnly();
        });
        sender.sendDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_recipient WHERE address = :a").param("a", to)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMailIsSentOnceWithTheMessageIdDecidedWhenItWasQueued() {
        QueuedMail q = queue("once@nelft.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(q).state() == OutboundState.SENT);
        sender.sendDue();
        assertThat(delivered(q)).isEqualTo(1);
        assertThat(q.messageId()).endsWith("@onepanel.redbridge.gov.uk>");
    }

    /**
     * Issue 14: one slow SMTP conversation no longer holds every other acknowledgement back (the outbox's senders run
     * side by side), and still each mail goes once. With one sender the second mail waited for the first.
     */
    @Test
    void aSlowSendDoesNotHoldTheNextMailBackAndEachIsSentOnce() {
        hook.gate = new java.util.concurrent.CountDownLatch(1);
        hook.holdNext.set(true);
        QueuedMail slow = queue("slow@nelft.example");
        await().atMost(Duration.ofSeconds(20)).until(() -> hook.held.get() != null);
        assertThat(hook.held.get()).isEqualTo(slow.id());

        QueuedMail next = queue("next@nelft.example");
        await().atMost(Duration.ofSeconds(20)).until(() -> row(next).state() == OutboundState.SENT);
        assertThat(row(slow).state()).isEqualTo(OutboundState.SENDING);

        hook.gate.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> row(slow).state() == OutboundState.SENT);
        sender.sendDue();
        assertThat(delivered(slow)).isEqualTo(1);
        assertThat(delivered(next)).isEqualTo(1);
    }

    @Test
    void temporaryFailuresAreRetriedUntilDeliveredOnce() throws Exception {
        SMTP.mode(ScriptedSmtpServer.Mode.TEMPORARY_FAILURE);
        QueuedMail q = queue("retry@nelft.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(q).state() == OutboundState.RETRY);
        assertThat(row(q).lastError()).isEqualTo("SMTP 451 (temporary)");
        SMTP.mode(ScriptedSmtpServer.Mode.ACCEPT);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            sender.sendDue();
            return row(q).state() == OutboundState.SENT;
        });
        assertThat(delivered(q)).isEqualTo(1);
        assertThat(row(q).attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPermanentFailureIsFinalAndAnException() {
        SMTP.mode(ScriptedSmtpServer.Mode.PERMANENT_FAILURE);
        QueuedMail q = queue("unknown.person@nelft.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(q).state() == OutboundState.FAILED);
        sender.sendDue();
        assertThat(row(q).attempts()).isEqualTo(1);
        assertThat(row(q).lastError()).isEqualTo("SMTP 550 (permanent)");
        Quiescence.await(jdbc);
        assertThat(exceptionReasonsFor(q)).containsExactly("outbound_failed");
    }

    @Test
    void aSendCaughtBetweenAcceptanceAndCommitBecomesUncertainAndIsNeverResentByItself() throws Exception {
        hook.crash.set(true);
        QueuedMail q = queue("uncertain@nelft.example");
        // the simulated crash is thrown on the sender's thread, as a kill -9 would stop it there
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> delivered(q) == 1);
        assertThat(row(q).state()).isEqualTo(OutboundState.SENDING);
        Thread.sleep(1200); // longer than stale-sending-after: as after a restart
        sender.markAbandonedAsUncertain();
        assertThat(row(q).state()).isEqualTo(OutboundState.UNCERTAIN);
        sender.sendDue();
        sender.sendDue();
        assertThat(delivered(q)).isEqualTo(1);
        Quiescence.await(jdbc);
        assertThat(exceptionReasonsFor(q)).containsExactly("outbound_uncertain");

        // the secretariat decides to send it again: same Message-ID, so the recipient can tell a repeat
        assertThat(correspondence.resend(q.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> row(q).state() == OutboundState.SENT);
        assertThat(delivered(q)).isEqualTo(2);
    }

    @Test
    void aConnectionLostAfterTheMessageWasTransmittedLeavesItUncertain() {
        SMTP.mode(ScriptedSmtpServer.Mode.HANG_UP_AFTER_DATA);
        QueuedMail q = queue("hangup@nelft.example");
        await().atMost(Duration.ofSeconds(20)).until(() -> row(q).state() == OutboundState.UNCERTAIN);
        sender.sendDue();
        assertThat(SMTP.attempts().stream().filter(q.messageId()::equals).count()).isEqualTo(1);
    }

    @Test
    void aRecipientOutsideTheAllowedDomainsIsNeverSentTo() {
        QueuedMail q = queue("person@gmail.com");
        assertThat(q.state()).isEqualTo(OutboundState.BLOCKED);
        sender.sendDue();
        assertThat(SMTP.attempts()).doesNotContain(q.messageId());
        assertThat(row(q).lastError()).isEqualTo("recipient domain not allowed: gmail.com");
        Quiescence.await(jdbc);
        assertThat(exceptionReasonsFor(q)).containsExactly("outbound_blocked");
    }

    @Test
    void headerInjectionThroughTheModelCannotAddRecipients() {
        QueuedMail q = tx.execute(s -> correspondence.queue(OutgoingMail.of("note", Map.of("reference",
                "OP-2026-0902", "topic", "x\r\nBcc: victim@gmail.com"), "onepanel",
                List.of("injection@nelft.example"), "OP-2026-0902", "test")));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(q).state() == OutboundState.SENT);
        assertThat(row(q).subject()).doesNotContain("\n").doesNotContain("\r");
        assertThat(row(q).to()).containsExactly("injection@nelft.example");
        assertThat(row(q).cc()).isEmpty();
    }

    /** An answer to outside mail (an acknowledgement), as an auto-responder ping-pong would make them. */
    private QueuedMail answer(String to) {
        return tx.execute(s -> correspondence.queue(new OutgoingMail("note", Map.of("reference", "OP-2026-0903",
                "topic", "t"), "onepanel", List.of(to), List.of(), null, "<outside-" + System.nanoTime()
                + "@responder.example>", List.of(), List.of(), "OP-2026-0903", "test")));
    }

    @Test
    void theLoopGuardStopsAStormOfAnswersToOneAddress() {
        String to = "storm@nelft.example";
        List<QueuedMail> queued = List.of(answer(to), answer(to), answer(to), answer(to));
        assertThat(queued).extracting(QueuedMail::state).containsExactly(OutboundState.PENDING,
                OutboundState.PENDING, OutboundState.PENDING, OutboundState.BLOCKED);
        assertThat(row(queued.get(3)).lastError()).startsWith("loop guard");
    }

    @Test
    void mailTheServiceStartsIsNotHeldByTheLoopGuard() {
        String to = "busy.agency@nelft.example";
        List<QueuedMail> queued = List.of(queue(to), queue(to), queue(to), queue(to), queue(to));
        assertThat(queued).extracting(QueuedMail::state).containsOnly(OutboundState.PENDING);
    }

    private List<String> exceptionReasonsFor(QueuedMail q) {
        return jdbc.sql("SELECT reason FROM exception_item WHERE outbound_mail_id = :id").param("id", q.id().value())
                .query(String.class).list();
    }
}
