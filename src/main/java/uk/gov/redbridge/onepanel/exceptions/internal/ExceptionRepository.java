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

import uk.gov.redbridge.onepanel.exceptions.ExceptionFilter;
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
                    mailbox, source_key, status, created_at, attachment_names)
                VALUES (:id, :reason, :explanation, :messageId, :ref, :outbound, :mailbox, :source, :status, :createdAt,
                    :attachments)""")
                .param("attachments", names(item.attachmentNames()))
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

    /** A page of the items the filter matches, oldest first; {@link #count} gives how many there are in all. */
    List<ExceptionItem> page(ExceptionFilter filter, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT * FROM exception_item WHERE " + where.sql()
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(ExceptionRepository::map).list();
    }

    long count(ExceptionFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM exception_item WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ExceptionFilter filter) {
        StringBuilder sql = new StringBuilder("status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", filter.status().name());
        if (filter.reason() != null) {
            sql.append(" AND reason = :reason");
            params.put("reason", filter.reason().code());
        }
        if (filter.mailbox() != null) {
            sql.append(" AND mailbox = :mailbox");
            params.put("mailbox", filter.mailbox());
        }
        return new Where(sql.toString(), params);
    }

    /** The mailboxes open items came from, with how many each, by name. */
    Map<String, Integer> openCountsByMailbox() {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT mailbox, COUNT(*) AS n FROM exception_item WHERE status = 'OPEN' AND mailbox IS NOT NULL "
                        + "GROUP BY mailbox ORDER BY mailbox")
                .query((rs, n) -> Map.entry(rs.getString("mailbox"), rs.getInt("n"))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void attachmentNames(ExceptionId id, List<String> names) {
        jdbc.sql("UPDATE exception_item SET attachment_names = :names WHERE id = :id")
                .param("names", names(names)).param("id", id.value()).update();
    }

    /**
     * The resolution undone (an email attached to the wrong referral): the item is open again and belongs to the
     * referral it named before. False if it was not resolved.
     */
    boolean reopen(ExceptionId id) {
        return jdbc.sql("""
                UPDATE exception_item SET status = 'OPEN', resolved_at = NULL, resolved_by = NULL, resolution = NULL,
                    resolution_note = NULL, referral_reference = named_reference, named_reference = NULL
                WHERE id = :id AND status = 'RESOLVED'""")
                .param("id", id.value()).update() == 1;
    }

    /** One line per name, cut to fit the column; null for none. */
    private static String names(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            String line = name.replaceAll("[\\r\\n]+", " ");
            if (out.length() + line.length() + 1 > 1900) {
                out.append("\n…");
                break;
            }
            out.append(out.isEmpty() ? "" : "\n").append(line);
        }
        return out.toString();
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
                    named_reference = referral_reference,
                    referral_reference = COALESCE(:reference, referral_reference)
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
                rs.getString("resolution_note"), attachmentNames(rs.getString("attachment_names")),
                rs.getString("named_reference"));
    }

    private static List<String> attachmentNames(String lines) {
        return lines == null || lines.isBlank() ? null : List.of(lines.split("\n"));
    }
}
