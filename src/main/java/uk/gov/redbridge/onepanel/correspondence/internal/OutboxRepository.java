package uk.gov.redbridge.onepanel.correspondence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.storage.ContentId;

@Repository
public class OutboxRepository {

    private static final String COLUMNS = "id, message_id, template, from_mailbox, from_address, to_addresses, "
            + "cc_addresses, subject, state, attempts, created_at, sent_at, last_error, referral_reference, correlation";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewRow(OutboundMailId id, String messageId, String template, String fromMailbox, String fromAddress,
            List<String> to, List<String> cc, String subject, ContentId mime, OutboundState state, String lastError,
            Instant createdAt, String referralReference, String correlation) {
    }

    void insert(NewRow row) {
        jdbc.sql("INSERT INTO outbound_mail (id, message_id, template, from_mailbox, from_address, to_addresses, "
                        + "cc_addresses, subject, mime_content_id, state, attempts, next_attempt_at, created_at, "
                        + "last_error, referral_reference, correlation) VALUES (:id, :messageId, :template, "
                        + ":fromMailbox, :fromAddress, :to, :cc, :subject, :mime, :state, 0, :createdAt, :createdAt, "
                        + ":lastError, :ref, :correlation)")
                .param("id", row.id().value())
                .param("messageId", row.messageId())
                .param("template", row.template())
                .param("fromMailbox", row.fromMailbox())
                .param("fromAddress", row.fromAddress())
                .param("to", String.join("\n", row.to()))
                .param("cc", String.join("\n", row.cc()))
                .param("subject", row.subject())
                .param("mime", row.mime().value())
                .param("state", row.state().name())
                .param("createdAt", utc(row.createdAt()))
                .param("lastError", row.lastError())
                .param("ref", row.referralReference())
                .param("correlation", row.correlation())
                .update();
        for (String address : concat(row.to(), row.cc())) {
            jdbc.sql("INSERT INTO outbound_recipient (mail_id, address, created_at) VALUES (:id, :address, :at)")
                    .param("id", row.id().value()).param("address", address.toLowerCase(java.util.Locale.ROOT))
                    .param("at", utc(row.createdAt()))
                    .update();
        }
    }

    /** Automatic mails to this address since a moment, not counting blocked ones. */
    int countSentOrQueuedTo(String address, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_recipient r JOIN outbound_mail m ON m.id = r.mail_id "
                        + "WHERE r.address = :address AND r.created_at >= :since AND m.state <> 'BLOCKED'")
                .param("address", address.toLowerCase(java.util.Locale.ROOT)).param("since", utc(since))
                .query(Integer.class).single();
    }

    int countHeldBack(String address, String reasonLike, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_recipient r JOIN outbound_mail m ON m.id = r.mail_id "
                        + "WHERE r.address = :address AND r.created_at >= :from AND r.created_at < :to "
                        + "AND m.state = 'BLOCKED' AND m.last_error LIKE :reason")
                .param("address", address.toLowerCase(java.util.Locale.ROOT)).param("from", utc(from))
                .param("to", utc(to)).param("reason", reasonLike)
                .query(Integer.class).single();
    }

    List<OutboundMailId> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM outbound_mail WHERE state IN ('PENDING', 'RETRY') AND next_attempt_at <= :now "
                        + "ORDER BY next_attempt_at, created_at LIMIT :limit")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new OutboundMailId(rs.getObject("id", UUID.class))).list();
    }

    /** Claims a due row for sending; false if another sender took it first. */
    boolean claim(OutboundMailId id, String instance, Instant now) {
        return jdbc.sql("UPDATE outbound_mail SET state = 'SENDING', attempts = attempts + 1, sending_by = :instance, "
                        + "sending_since = :now WHERE id = :id AND state IN ('PENDING', 'RETRY')")
                .param("instance", instance).param("now", utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** Moves a row out of SENDING; false if it was no longer SENDING (someone marked it uncertain meanwhile). */
    boolean finishSending(OutboundMailId id, OutboundState state, Instant sentAt, Instant nextAttempt, String error) {
        return jdbc.sql("UPDATE outbound_mail SET state = :state, sent_at = :sentAt, next_attempt_at = :next, "
                        + "last_error = :error, sending_by = NULL, sending_since = NULL "
                        + "WHERE id = :id AND state = 'SENDING'")
                .param("state", state.name()).param("sentAt", utc(sentAt)).param("next", utc(nextAttempt))
                .param("error", error).param("id", id.value())
                .update() == 1;
    }

    /** SENDING rows left by this instance before it restarted, or by any instance for too long. */
    List<OutboundMailId> abandonedSending(String instance, Instant startedAt, Instant staleBefore) {
        return jdbc.sql("SELECT id FROM outbound_mail WHERE state = 'SENDING' AND ((sending_by = :instance "
                        + "AND sending_since < :startedAt) OR sending_since < :staleBefore)")
                .param("instance", instance).param("startedAt", utc(startedAt)).param("staleBefore", utc(staleBefore))
                .query((rs, n) -> new OutboundMailId(rs.getObject("id", UUID.class))).list();
    }

    uk.gov.redbridge.onepanel.correspondence.OutboxBacklog backlog() {
        return jdbc.sql("SELECT SUM(CASE WHEN state IN ('PENDING', 'RETRY') THEN 1 ELSE 0 END) AS waiting, "
                        + "SUM(CASE WHEN state = 'SENDING' THEN 1 ELSE 0 END) AS sending, "
                        + "MIN(CASE WHEN state IN ('PENDING', 'RETRY') THEN created_at END) AS oldest "
                        + "FROM outbound_mail WHERE state IN ('PENDING', 'RETRY', 'SENDING')")
                .query((rs, n) -> new uk.gov.redbridge.onepanel.correspondence.OutboxBacklog(rs.getInt("waiting"),
                        rs.getInt("sending"), instant(rs, "oldest"))).single();
    }

    boolean markUncertain(OutboundMailId id, String reason) {
        return jdbc.sql("UPDATE outbound_mail SET state = 'UNCERTAIN', last_error = :reason, sending_by = NULL "
                        + "WHERE id = :id AND state = 'SENDING'")
                .param("reason", reason).param("id", id.value()).update() == 1;
    }

    boolean transition(OutboundMailId id, OutboundState from, OutboundState to, String note) {
        return jdbc.sql("UPDATE outbound_mail SET state = :to, last_error = COALESCE(:note, last_error), "
                        + "next_attempt_at = CASE WHEN :to2 IN ('PENDING', 'RETRY') THEN created_at ELSE next_attempt_at END "
                        + "WHERE id = :id AND state = :from")
                .param("to", to.name()).param("to2", to.name()).param("note", note).param("id", id.value())
                .param("from", from.name()).update() == 1;
    }

    Optional<ContentId> mimeContent(OutboundMailId id) {
        return jdbc.sql("SELECT mime_content_id FROM outbound_mail WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new ContentId(rs.getObject("mime_content_id", UUID.class))).optional();
    }

    Optional<OutboundMail> find(OutboundMailId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_mail WHERE id = :id").param("id", id.value())
                .query(OutboxRepository::map).optional();
    }

    Optional<OutboundMail> findByMessageId(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_mail WHERE message_id = :messageId")
                .param("messageId", messageId).query(OutboxRepository::map).optional();
    }

    List<OutboundMail> forReferral(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_mail WHERE referral_reference = :ref ORDER BY created_at, id")
                .param("ref", reference).query(OutboxRepository::map).list();
    }

    List<OutboundMail> inStates(List<OutboundState> states, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_mail WHERE state IN (:states) ORDER BY created_at LIMIT :limit")
                .param("states", states.stream().map(Enum::name).toList()).param("limit", limit)
                .query(OutboxRepository::map).list();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    static OutboundMail map(ResultSet rs, int row) throws SQLException {
        return new OutboundMail(new OutboundMailId(rs.getObject("id", UUID.class)), rs.getString("message_id"),
                rs.getString("template"), rs.getString("from_mailbox"), rs.getString("from_address"),
                lines(rs.getString("to_addresses")), lines(rs.getString("cc_addresses")), rs.getString("subject"),
                OutboundState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "sent_at"), rs.getString("last_error"), rs.getString("referral_reference"),
                rs.getString("correlation"));
    }
}
