package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import uk.gov.redbridge.onepanel.mailbox.MessageQuarantined;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;

/** Beans the mailbox's Spring tests share: the crash hook, and a record of the module's events from any thread. */
@TestConfiguration(proxyBeanMethods = false)
class MailboxTestSupport {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String PROCESSED = "OnePanel Processed";

    @Bean
    @Primary
    CrashingFaultHook crashingFaultHook() {
        return new CrashingFaultHook();
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    /** What a kill -9 at the hook does to the intake: the poll stops dead there (an Error is caught by nobody). */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after commit, before move");
        }
    }

    static final class CrashingFaultHook extends IntakeFaultHook {
        volatile boolean crash;
        volatile BiConsumer<String, Long> observer;

        void reset() {
            crash = false;
            observer = null;
        }

        @Override
        void afterCommitBeforeMove(String mailbox, long uid) {
            if (observer != null) {
                observer.accept(mailbox, uid);
            }
            if (crash) {
                throw new SimulatedCrash();
            }
        }
    }

    static final class RecordedEvents {
        final List<MessageReceived> received = new CopyOnWriteArrayList<>();
        final List<MessageQuarantined> quarantined = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MessageReceived event) {
            received.add(event);
        }

        @EventListener
        void on(MessageQuarantined event) {
            quarantined.add(event);
        }

        void clear() {
            received.clear();
            quarantined.clear();
        }
    }

    /**
     * Sets one account of the list in a test's properties. A list bound from one property source replaces the
     * whole list of another, so a test that changes one account sets them all.
     */
    static void account(DynamicPropertyRegistry registry, int i, String name, String address, String imapPort,
            String smtpPort, String auth, String password) {
        String p = "onepanel.mailbox.accounts[" + i + "].";
        registry.add(p + "name", () -> name);
        registry.add(p + "address", () -> address);
        registry.add(p + "imap.host", () -> "127.0.0.1");
        registry.add(p + "imap.port", () -> imapPort);
        registry.add(p + "imap.security", () -> "NONE");
        registry.add(p + "smtp.host", () -> "127.0.0.1");
        registry.add(p + "smtp.port", () -> smtpPort);
        registry.add(p + "smtp.security", () -> "NONE");
        registry.add(p + "auth.type", () -> auth);
        if (password != null) {
            registry.add(p + "auth.password", () -> password);
        }
    }

    /** Empties the embedded server's mailboxes and the module's tables. */
    static void reset(GreenMailServer server, JdbcClient jdbc) throws Exception {
        server.greenMail().purgeEmailFromAllMailboxes();
        // only the module's own content: on a shared test database other modules' content stays
        jdbc.sql("DELETE FROM stored_content WHERE id IN (SELECT raw_content_id FROM inbound_message)").update();
        jdbc.sql("DELETE FROM inbound_message").update();
        jdbc.sql("DELETE FROM mailbox_state").update();
        // shedlock rows stay: ShedLock remembers which lock rows exist and only updates them afterwards
    }
}
