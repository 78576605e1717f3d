package uk.gov.redbridge.onepanel.exceptions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

@Repository
public class ExceptionRepository {

    private final JdbcClient jdbc;

    ExceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForSource(String sourceKey) {
        return jdbc.sql("SELECT COUNT(*) FROM exception_item WHERE source_key = :k").param("k", sourceKey)
                .query(Integer.class).single() > 0;
    }

    /** Locks the item with this source key for the rest of the transaction; false if there is none. */
    boolean lockForSource(String sourceKey) {
        return jdbc.sql("UPDATE exception_item SET explanation = explanation WHERE source_key = :k")
                .param("k", sourceKey).update() > 0;
    }

    /** A counted item (a loop-guard storm) says how many it stands for now. */
    void updateExplanation(String sourceKey, String explanation) {
        jdbc.sql("UPDATE exception_item SET explanation = :e WHERE source_key = :k").param("e", explanation)
                .param("k", sourceKey).update();
    }

    void insert(ExceptionItem item, String sourceKey) {
        jdbc.sql("""
                INSERT INTO exception_item (id, reason, explanation, message_id, referral_reference, outbound_mail_id,
                    mailbox, source_key, status, created_at)
                VALUES (:id, :reason, :explanation, :messageId, :ref, :outbound, :mailbox, :source, :status, :createdAt)""")
                .param("id", item.id().value()).param("reason", item.reason().code())
                .param("explanation", item.explanation())
                .param("messageId", item.messageId() == null ? null : item.messageId().value())
                .param("ref", item.referralReference()).param("outbound", item.outboundMailId())
                .param("mailbox", item.mailbox()).param("source", sourceKey).param("status", item.status().name())
                .param("createdAt", item.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<ExceptionItem> find(ExceptionId id) {
        return jdbc.sql("SELECT * FROM exception_item WHERE id = :id").param("id", id.value())
                .query(ExceptionRepository::map).optional();
    }

    /** Oldest first: the queue is worked in order of arrival. */
    List<ExceptionItem> list(ExceptionStatus status, int limit) {
        return jdbc.sql("SELECT * FROM exception_item WHERE status = :status ORDER BY created_at, id LIMIT :limit")
                .param("status", status.name()).param("limit", limit).query(ExceptionRepository::map).list();
    }

    List<ExceptionItem> forMessage(InboundMessageId messageId) {
        return jdbc.sql("SELECT * FROM exception_item WHERE message_id = :m ORDER BY created_at")
                .param("m", messageId.value()).query(ExceptionRepository::map).list();
    }

    Map<ExceptionReason, Integer> openCountsByReason() {
        Map<ExceptionReason, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT reason, COUNT(*) AS n FROM exception_item WHERE status = 'OPEN' GROUP BY reason ORDER BY reason")
                .query((rs, n) -> Map.entry(ExceptionReason.fromCode(rs.getString("reason")), rs.getInt("n")))
                .list().forEach(e -> out.merge(e.getKey(), e.getValue(), Integer::sum));
        return out;
    }

    boolean resolve(ExceptionId id, Instant at, String by, String resolution, String note, String reference) {
        return jdbc.sql("""
                UPDATE exception_item SET status = 'RESOLVED', resolved_at = :at, resolved_by = :by,
                    resolution = :resolution, resolution_note = :note,
                    referral_reference = COALESCE(referral_reference, :reference)
                WHERE id = :id AND status = 'OPEN'""")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).param("resolution", resolution)
                .param("note", note).param("reference", reference).param("id", id.value()).update() == 1;
    }

    List<ExceptionItem> forReferral(String reference) {
        return jdbc.sql("SELECT * FROM exception_item WHERE referral_reference = :ref ORDER BY created_at, id")
                .param("ref", reference).query(ExceptionRepository::map).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static ExceptionItem map(ResultSet rs, int n) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        return new ExceptionItem(new ExceptionId(rs.getObject("id", UUID.class)),
                ExceptionReason.fromCode(rs.getString("reason")), rs.getString("explanation"),
                message == null ? null : new InboundMessageId(message), rs.getString("referral_reference"),
                rs.getObject("outbound_mail_id", UUID.class), rs.getString("mailbox"),
                ExceptionStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("resolution"),
                rs.getString("resolution_note"));
    }
}
