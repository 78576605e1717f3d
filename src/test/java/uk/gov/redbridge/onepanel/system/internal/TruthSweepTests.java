package uk.gov.redbridge.onepanel.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.micrometer.core.instrument.MeterRegistry;

import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.mailbox.internal.ParsedMessageCache;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The sweep of truth: work the database shows unfinished is finished whatever the event registry says. Each case
 * takes a referral email through the whole service (embedded mail server), then puts the database back into the
 * state a crash or a registry that lies would leave (the registry says every publication completed), and sweeps.
 * On today's code nothing looks: the referral stays missing for good, and nobody is told.
 */
@SpringBootTest(properties = {"onepanel.sweep.grace=PT0S", "onepanel.sweep.interval=PT1H",
        "onepanel.sweep.initial-delay=PT1H",
        "onepanel.sweep.max-attempts=2"})
@ActiveProfiles("test")
class TruthSweepTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TruthSweep sweep;
    @Autowired
    WorkHealth health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ParsedMessageCache parsedMessages;

    MailServerClient mail;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    /** A referral email taken in and settled; returns the stored message's id. */
    private UUID referralTakenIn(String sender) {
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL).subject("One Panel referral")
                .text(TestMail.bodyReferral("Jordan", "Sweepcase", "03/04/1955", "Self-neglect at home.",
                        "020 7946 0002")).bytes();
        mail.deliver(raw, ONEPANEL);
        accounts.pollNow();
        Quiescence.await(jdbc);
        return jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s").param("s", "%" + sender + "%")
                .query(UUID.class).single();
    }

    private Optional<String> referenceOf(UUID message) {
        return jdbc.sql("SELECT r.reference FROM referral r JOIN referral_message m ON m.referral_id = r.id "
                + "WHERE m.message_id = :m AND m.role = 'ORIGINAL'").param("m", message).query(String.class).optional();
    }

    /** What intake wrote for the message is gone; its event publication stays completed. */
    private String forgetIntake(UUID message) {
        String reference = referenceOf(message).orElseThrow();
        UUID referral = jdbc.sql("SELECT id FROM referral WHERE reference = :r").param("r", reference)
                .query(UUID.class).single();
        forgetAcknowledgement(reference, referral);
        jdbc.sql("DELETE FROM referral_document WHERE referral_id = :r").param("r", referral).update();
        jdbc.sql("DELETE FROM referral_message WHERE referral_id = :r").param("r", referral).update();
        jdbc.sql("DELETE FROM referral WHERE id = :r").param("r", referral).update();
        jdbc.sql("DELETE FROM intake_outcome WHERE message_id = :m").param("m", message).update();
        return reference;
    }

    private void forgetAcknowledgement(String reference, UUID referral) {
        jdbc.sql("DELETE FROM outbound_recipient WHERE mail_id IN (SELECT id FROM outbound_mail "
                + "WHERE referral_reference = :r)").param("r", reference).update();
        jdbc.sql("DELETE FROM outbound_mail WHERE referral_reference = :r").param("r", reference).update();
        jdbc.sql("DELETE FROM referral_event WHERE referral_id = :r").param("r", referral).update();
    }

    private int acknowledgements(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE referral_reference = :r "
                + "AND correlation = 'acknowledgement'").param("r", reference).query(Integer.class).single();
    }

    @Test
    void aReferralEmailWithNoIntakeOutcomeBecomesAReferralAndTheUnusedNumberIsExplained() {
        UUID message = referralTakenIn("sweep.intake." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net");
        String lost = forgetIntake(message);

        TruthSweep.SweepResult result = sweep.sweep();
        Quiescence.await(jdbc);

        assertThat(result.finished()).containsEntry(TruthSweep.INTAKE, 1);
        String reference = referenceOf(message).orElseThrow();
        assertThat(reference).isNotEqualTo(lost);
        assertThat(acknowledgements(reference)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM intake_outcome WHERE message_id = :m").param("m", message)
                .query(String.class).single()).isEqualTo("REFERRAL");
        // the number the lost referral had is a gap, and the audit trail says why
        assertThat(jdbc.sql("SELECT unused_reason FROM referral_reference_issued WHERE reference = :r")
                .param("r", lost).query(String.class).single()).contains("did not complete");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'referral.reference-not-used' "
                + "AND referral_reference = :r").param("r", lost).query(Integer.class).single()).isEqualTo(1);
        assertThat(meters.counter("onepanel.sweep.finished", "kind", TruthSweep.INTAKE).count()).isGreaterThan(0);
    }

    @Test
    void aStoredMessageWithNoVerdictIsTriagedAndGoesOnToBeAReferral() {
        UUID message = referralTakenIn("sweep.triage." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net");
        forgetIntake(message);
        jdbc.sql("DELETE FROM triage_decision WHERE message_id = :m").param("m", message).update();

        TruthSweep.SweepResult result = sweep.sweep();
        Quiescence.await(jdbc);

        assertThat(result.finished()).containsEntry(TruthSweep.TRIAGE, 1);
        assertThat(jdbc.sql("SELECT verdict FROM triage_decision WHERE message_id = :m").param("m", message)
                .query(String.class).single()).isEqualTo("REFERRAL");
        assertThat(referenceOf(message)).isPresent();
        assertThat(acknowledgements(referenceOf(message).get())).isEqualTo(1);
    }

    @Test
    void aReferralWithNoAcknowledgementAndNoWordWhyGetsOne() {
        UUID message = referralTakenIn("sweep.ack." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net");
        String reference = referenceOf(message).orElseThrow();
        UUID referral = jdbc.sql("SELECT id FROM referral WHERE reference = :r").param("r", reference)
                .query(UUID.class).single();
        forgetAcknowledgement(reference, referral);

        TruthSweep.SweepResult result = sweep.sweep();
        Quiescence.await(jdbc);

        assertThat(result.finished()).containsEntry(TruthSweep.ACKNOWLEDGEMENT, 1);
        assertThat(acknowledgements(reference)).isEqualTo(1);
        assertThat(sweep.sweep().finished()).doesNotContainKey(TruthSweep.ACKNOWLEDGEMENT);
    }

    private boolean givenUp(UUID message) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_outcome WHERE message_id = :m AND reason = 'stuck'")
                .param("m", message).query(Integer.class).single() > 0;
    }

    @Test
    void workThatCannotBeFinishedBecomesAnExceptionWithItsReasonAndHealthShowsIt() {
        UUID message = referralTakenIn("sweep.stuck." + UUID.randomUUID().toString().substring(0, 8) + "@nhs.net");
        forgetIntake(message);
        // the stored bytes are gone: intake fails every time
        jdbc.sql("DELETE FROM stored_content WHERE id = (SELECT raw_content_id FROM inbound_message WHERE id = :m)")
                .param("m", message).update();
        parsedMessages.forget(new InboundMessageId(message)); // its parse, kept since triage, goes with them

        // each sweep tries once (the other tests' sweeps count too: they share the database); sweeps run minutes
        // apart, so the events a sweep causes are done before the next (while one carries the message, a sweep leaves
        // it to the events: on PostgreSQL the second sweep came too soon and skipped it)
        for (int sweeps = 0; sweeps < 2 && !givenUp(message); sweeps++) {
            sweep.sweep();
            Quiescence.await(jdbc);
        }

        assertThat(givenUp(message)).isTrue();
        assertThat(meters.counter("onepanel.sweep.raised", "kind", TruthSweep.INTAKE).count()).isGreaterThan(0);
        List<String> reasons = jdbc.sql("SELECT reason FROM exception_item WHERE message_id = :m")
                .param("m", message).query(String.class).list();
        assertThat(reasons).containsExactly("stuck");
        assertThat(jdbc.sql("SELECT explanation FROM exception_item WHERE message_id = :m").param("m", message)
                .query(String.class).single()).contains("tried 2 times");
        var work = health.health();
        assertThat(work.getStatus()).isEqualTo(Status.DOWN);
        assertThat((Integer) work.getDetails().get("raisedAsExceptionsLastDay")).isGreaterThanOrEqualTo(1);
        // raised once: later sweeps leave it to the person
        sweep.sweep();
        Quiescence.await(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exception_item WHERE message_id = :m").param("m", message)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
