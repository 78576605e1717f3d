package uk.gov.redbridge.onepanel.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.audit.AuditRecord;

/** Append and read: there is no update and no delete. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditRecord r) {
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, action, referral_reference, exception_id, document_id,
                    message_id, ip, outcome, detail)
                VALUES (:id, :at, :actor, :action, :ref, :exception, :document, :message, :ip, :outcome, :detail)""")
                .param("id", UUID.randomUUID()).param("at", r.at().atOffset(ZoneOffset.UTC))
                .param("actor", cut(r.actor(), 100)).param("action", cut(r.action(), 60))
                .param("ref", r.referralReference()).param("exception", r.exceptionId())
                .param("document", r.documentId()).param("message", r.messageId()).param("ip", cut(r.ip(), 64))
                .param("outcome", cut(r.outcome(), 40)).param("detail", cut(r.detail(), 500))
                .update();
    }

    public List<AuditRecord> forReferral(String reference, Collection<UUID> exceptionIds) {
        String sql = "SELECT * FROM audit_event WHERE referral_reference = :ref"
                + (exceptionIds.isEmpty() ? "" : " OR exception_id IN (:exceptions)") + " ORDER BY at, id";
        var spec = jdbc.sql(sql).param("ref", reference);
        if (!exceptionIds.isEmpty()) {
            spec = spec.param("exceptions", List.copyOf(exceptionIds));
        }
        return spec.query(AuditRepository::map).list();
    }

    private static AuditRecord map(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("referral_reference"), rs.getObject("exception_id", UUID.class),
                rs.getObject("document_id", UUID.class), rs.getObject("message_id", UUID.class), rs.getString("ip"),
                rs.getString("outcome"), rs.getString("detail"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
