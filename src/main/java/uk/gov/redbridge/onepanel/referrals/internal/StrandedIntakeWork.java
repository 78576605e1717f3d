package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.AcknowledgementNotSent;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralNotCreated;
import uk.gov.redbridge.onepanel.referrals.ReferenceNotUsed;

/**
 * What the referral log's own tables show unfinished, whatever the event registry says: referral emails with no
 * intake outcome, referrals from intake with no acknowledgement and no word on why, and reference numbers issued
 * whose referral never committed. Called by the sweep of truth ({@code system}), inside its transactions.
 */
@Component
public class StrandedIntakeWork {

    private static final Logger log = LoggerFactory.getLogger(StrandedIntakeWork.class);

    private final JdbcClient jdbc;
    private final IntakeService intake;
    private final ReferralRepository repository;
    private final ReferralMessages links;
    private final ReferralTimeline timeline;
    private final IntakeOutcomes outcomes;
    private final Acknowledgements acknowledgements;
    private final InboundMessages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StrandedIntakeWork(JdbcClient jdbc, IntakeService intake, ReferralRepository repository, ReferralMessages links,
            ReferralTimeline timeline, IntakeOutcomes outcomes, Acknowledgements acknowledgements,
            InboundMessages messages, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.repository = repository;
        this.links = links;
        this.timeline = timeline;
        this.outcomes = outcomes;
        this.acknowledgements = acknowledgements;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Messages triage took for referral emails, stored before a moment, that intake has no outcome for (and that no
     * person has linked to a referral meanwhile).
     */
    public List<InboundMessageId> referralMessagesWithoutOutcome(Instant storedBefore, int limit) {
        return jdbc.sql("SELECT m.id FROM inbound_message m JOIN triage_decision t ON t.message_id = m.id "
                        + "LEFT JOIN intake_outcome o ON o.message_id = m.id "
                        + "WHERE t.verdict = 'REFERRAL' AND o.message_id IS NULL AND m.received_at < :before "
                        + "AND NOT EXISTS (SELECT 1 FROM referral_message rm WHERE rm.message_id = m.id) "
                        + "ORDER BY m.received_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("before", storedBefore.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new InboundMessageId(rs.getObject(1, UUID.class))).list();
    }

    /** Runs intake for the message now (as the listener would have); true if it had no outcome before. */
    public boolean finishIntake(InboundMessageId messageId) {
        if (outcomes.intakeOutcome(messageId).isPresent() || links.referralOfMessage(messageId).isPresent()) {
            return false;
        }
        boolean automatic = jdbc.sql("SELECT automatic FROM triage_decision WHERE message_id = :m")
                .param("m", messageId.value()).query(Boolean.class).optional().orElse(true);
        intake.process(messageId, !automatic, ReferralWriter.SYSTEM);
        return true;
    }

    /** Intake failed every time: the outcome says so, and the email goes to the exceptions queue with the reason. */
    public boolean giveUpIntake(InboundMessageId messageId, String explanation) {
        Optional<InboundMessage> message = messages.find(messageId);
        if (message.isEmpty() || outcomes.intakeOutcome(messageId).isPresent()) {
            return false;
        }
        outcomes.recordIntakeOutcome(new IntakeOutcome(messageId, message.get().contentKey(),
                "EXCEPTION", null, "stuck"), clock.instant());
        events.publishEvent(new ReferralNotCreated(messageId, message.get().mailbox(), "stuck", explanation));
        log.warn("Message {}: intake could not be finished, raised as an exception", messageId);
        return true;
    }

    /**
     * Referrals logged by intake from mail that is not automatic, created before a moment, with no acknowledgement
     * in the outbox and no timeline entry saying why there is none.
     */
    public List<ReferralId> referralsWithoutAcknowledgement(Instant createdBefore, int limit) {
        return jdbc.sql("SELECT r.id FROM referral r "
                        + "JOIN referral_message rm ON rm.referral_id = r.id AND rm.role = 'ORIGINAL' "
                        + "JOIN triage_decision t ON t.message_id = rm.message_id AND t.automatic = FALSE "
                        + "WHERE r.created_by = 'system' AND r.received_at < :before "
                        + "AND NOT EXISTS (SELECT 1 FROM outbound_mail o WHERE o.referral_reference = r.reference "
                        + "AND o.correlation = 'acknowledgement') "
                        + "AND NOT EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id "
                        + "AND e.kind = 'ACKNOWLEDGEMENT') "
                        + "ORDER BY r.received_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("before", createdBefore.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class))).list();
    }

    /** Queues the acknowledgement a referral should have had; false if it has one (or a word on why not) by now. */
    public boolean finishAcknowledgement(ReferralId id) {
        Optional<Referral> referral = repository.find(id);
        if (referral.isEmpty() || acknowledged(referral.get())) {
            return false;
        }
        Referral r = referral.get();
        String to = r.referrer().senderAddress();
        Instant now = clock.instant();
        if (to == null) {
            timeline.addEvent(id, now, "ACKNOWLEDGEMENT", "Not acknowledged: no sender address", "system");
            return true;
        }
        Optional<InboundMessage> original = links.messages(id).stream()
                .filter(m -> "ORIGINAL".equals(m.role())).findFirst().flatMap(m -> messages.find(m.messageId()));
        if (original.isEmpty()) {
            return false;
        }
        QueuedMail queued = acknowledgements.send(r, original.get(), to);
        timeline.addEvent(id, now, "ACKNOWLEDGEMENT", "Acknowledgement " + ("BLOCKED".equals(queued.state().name())
                ? "blocked (see exceptions)" : "queued") + " with the reference, after an interrupted intake", "system");
        log.info("Referral {}: acknowledgement queued after an interrupted intake", r.reference());
        return true;
    }

    /** The acknowledgement could not be written, every time: said on the timeline, raised as an exception. */
    public boolean giveUpAcknowledgement(ReferralId id, String explanation) {
        Optional<Referral> referral = repository.find(id);
        if (referral.isEmpty() || acknowledged(referral.get())) {
            return false;
        }
        timeline.addEvent(id, clock.instant(), "ACKNOWLEDGEMENT", "Not acknowledged: " + explanation, "system");
        events.publishEvent(new AcknowledgementNotSent(id, referral.get().reference(), explanation));
        return true;
    }

    private boolean acknowledged(Referral referral) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE referral_reference = :ref "
                        + "AND correlation = 'acknowledgement'").param("ref", referral.reference().toString())
                .query(Integer.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM referral_event WHERE referral_id = :id AND kind = 'ACKNOWLEDGEMENT'")
                        .param("id", referral.id().value()).query(Integer.class).single() > 0;
    }

    /**
     * Reference numbers issued before a moment that no referral carries: a gap in the sequence. Each is explained,
     * once, in the issue log and in the audit trail ({@link ReferenceNotUsed}).
     */
    public int explainUnusedReferences(Instant issuedBefore) {
        List<String[]> unused = jdbc.sql("SELECT i.reference, i.issued_for FROM referral_reference_issued i "
                        + "LEFT JOIN referral r ON r.reference = i.reference "
                        + "WHERE r.id IS NULL AND i.unused_reason IS NULL AND i.issued_at < :before")
                .param("before", issuedBefore.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] row : unused) {
            String reason = "Not used: issued for " + row[1] + ", whose intake did not complete (interrupted or "
                    + "rolled back); the email was logged under another number, or raised as an exception";
            jdbc.sql("UPDATE referral_reference_issued SET unused_reason = :reason WHERE reference = :ref "
                    + "AND unused_reason IS NULL").param("reason", reason).param("ref", row[0]).update();
            events.publishEvent(new ReferenceNotUsed(row[0], reason));
        }
        return unused.size();
    }
}
