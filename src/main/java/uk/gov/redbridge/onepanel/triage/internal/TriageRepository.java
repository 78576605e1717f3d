package uk.gov.redbridge.onepanel.triage.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.triage.TriageDecision;
import uk.gov.redbridge.onepanel.triage.Verdict;

@Repository
public class TriageRepository {

    private final JdbcClient jdbc;

    TriageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TriageDecision d) {
        jdbc.sql("INSERT INTO triage_decision (message_id, verdict, rule, detail, automatic, decided_at) "
                        + "VALUES (:id, :verdict, :rule, :detail, :automatic, :at)")
                .param("id", d.messageId().value()).param("verdict", d.verdict().name()).param("rule", d.rule())
                .param("detail", d.detail()).param("automatic", d.automatic())
                .param("at", d.decidedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Stored messages (not set aside as quarantined) with no verdict, stored before a moment, oldest first. */
    public java.util.List<InboundMessageId> undecided(java.time.Instant storedBefore, int limit) {
        return jdbc.sql("SELECT m.id FROM inbound_message m LEFT JOIN triage_decision t ON t.message_id = m.id "
                        + "WHERE t.message_id IS NULL AND m.quarantine_reason IS NULL AND m.received_at < :before "
                        + "ORDER BY m.received_at FETCH FIRST " + limit + " ROWS ONLY")
                .param("before", storedBefore.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new InboundMessageId(rs.getObject(1, UUID.class))).list();
    }

    public Optional<TriageDecision> find(InboundMessageId id) {
        return jdbc.sql("SELECT * FROM triage_decision WHERE message_id = :id").param("id", id.value())
                .query((rs, n) -> new TriageDecision(new InboundMessageId(rs.getObject("message_id", UUID.class)),
                        Verdict.valueOf(rs.getString("verdict")), rs.getString("rule"), rs.getString("detail"),
                        rs.getBoolean("automatic"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
