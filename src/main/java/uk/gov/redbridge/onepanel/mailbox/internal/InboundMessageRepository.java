package uk.gov.redbridge.onepanel.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.storage.ContentId;

@Repository
public class InboundMessageRepository {

    private static final String COLUMNS = "id, mailbox, mailbox_address, folder, uid_validity, uid, message_id_header, "
            + "sender, recipients, subject, sent_at, received_at, size, sha256, content_key, quarantine_reason";

    private final JdbcClient jdbc;

    InboundMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(InboundMessage m, ContentId rawContent) {
        jdbc.sql("INSERT INTO inbound_message (" + COLUMNS + ", raw_content_id) VALUES (:id, :mailbox, :mailboxAddress, "
                        + ":folder, :uidValidity, :uid, :messageIdHeader, :sender, :recipients, :subject, :sentAt, "
                        + ":receivedAt, :size, :sha256, :contentKey, :quarantineReason, :rawContentId)")
                .param("id", m.id().value())
                .param("mailbox", m.mailbox())
                .param("mailboxAddress", m.mailboxAddress())
                .param("folder", m.folder())
                .param("uidValidity", m.uidValidity())
                .param("uid", m.uid())
                .param("messageIdHeader", m.messageIdHeader())
                .param("sender", m.sender())
                .param("recipients", String.join("\n", m.recipients()))
                .param("subject", m.subject())
                .param("sentAt", utc(m.sentAt()))
                .param("receivedAt", utc(m.receivedAt()))
                .param("size", m.size())
                .param("sha256", m.sha256())
                .param("contentKey", m.contentKey())
                .param("quarantineReason", m.quarantineReason())
                .param("rawContentId", rawContent == null ? null : rawContent.value())
                .update();
    }

    public Optional<InboundMessage> findById(InboundMessageId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_message WHERE id = :id")
                .param("id", id.value()).query(InboundMessageRepository::map).optional();
    }

    public Optional<InboundMessage> findByUid(String mailbox, long uidValidity, long uid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_message WHERE mailbox = :mailbox "
                        + "AND uid_validity = :uidValidity AND uid = :uid")
                .param("mailbox", mailbox).param("uidValidity", uidValidity).param("uid", uid)
                .query(InboundMessageRepository::map).optional();
    }

    public Optional<InboundMessage> findBySha256(String mailbox, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_message WHERE mailbox = :mailbox AND sha256 = :sha256")
                .param("mailbox", mailbox).param("sha256", sha256)
                .query(InboundMessageRepository::map).optional();
    }

    /** The copies stored from these UIDs of one folder generation (UIDVALIDITY) of a mailbox, by UID. */
    public Map<Long, StoredCopy> findCopiesByUid(String mailbox, long uidValidity, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COPY_COLUMNS + " FROM inbound_message WHERE mailbox = :mailbox "
                        + "AND uid_validity = :uidValidity AND uid IN (:uids)")
                .param("mailbox", mailbox).param("uidValidity", uidValidity).param("uids", uids)
                .query(InboundMessageRepository::mapCopy).list().stream()
                .collect(Collectors.toMap(StoredCopy::uid, Function.identity()));
    }

    public Optional<StoredCopy> findCopyBySha256(String mailbox, String sha256) {
        return jdbc.sql("SELECT " + COPY_COLUMNS + " FROM inbound_message "
                        + "WHERE mailbox = :mailbox AND sha256 = :sha256")
                .param("mailbox", mailbox).param("sha256", sha256)
                .query(InboundMessageRepository::mapCopy).optional();
    }

    /**
     * The server gave this copy's UID to another message (a broken server; RFC 3501 forbids it): the copy no longer
     * has a known place, and its bytes are still found by their SHA-256.
     */
    public void forgetLocation(InboundMessageId id) {
        jdbc.sql("UPDATE inbound_message SET uid = NULL WHERE id = :id").param("id", id.value()).update();
    }

    public List<InboundMessage> findByContentKey(String contentKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_message WHERE content_key = :key ORDER BY received_at, id")
                .param("key", contentKey).query(InboundMessageRepository::map).list();
    }

    public Optional<ContentId> rawContentId(InboundMessageId id) {
        return jdbc.sql("SELECT raw_content_id FROM inbound_message WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject("raw_content_id", UUID.class)).map(ContentId::new))
                .optional().flatMap(o -> o);
    }

    /** Records where the copy now lives on the server (after a UIDVALIDITY change the same bytes have a new UID). */
    public void relocate(InboundMessageId id, String folder, long uidValidity, long uid) {
        jdbc.sql("UPDATE inbound_message SET folder = :folder, uid_validity = :uidValidity, uid = :uid WHERE id = :id")
                .param("folder", folder).param("uidValidity", uidValidity).param("uid", uid).param("id", id.value())
                .update();
    }

    /** A copy logged from an inbox whose move was never recorded (see {@link UnrecordedMoves}). */
    record UnmovedCopy(InboundMessageId id, long uid, String messageIdHeader, long size, String sha256) {
    }

    public List<UnmovedCopy> findUnmoved(String mailbox, String folder, long uidValidity, int limit) {
        return jdbc.sql("SELECT id, uid, message_id_header, size, sha256 FROM inbound_message WHERE mailbox = :mailbox "
                        + "AND folder = :folder AND uid_validity = :uidValidity AND uid IS NOT NULL "
                        + "AND moved_at IS NULL ORDER BY received_at LIMIT :limit")
                .param("mailbox", mailbox).param("folder", folder).param("uidValidity", uidValidity)
                .param("limit", limit)
                .query((rs, n) -> new UnmovedCopy(new InboundMessageId(rs.getObject("id", UUID.class)),
                        rs.getLong("uid"), rs.getString("message_id_header"), rs.getLong("size"),
                        rs.getString("sha256")))
                .list();
    }

    public void markMoved(InboundMessageId id, Instant at) {
        jdbc.sql("UPDATE inbound_message SET moved_at = :at WHERE id = :id")
                .param("at", utc(at)).param("id", id.value()).update();
    }

    public List<InboundMessage> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_message ORDER BY received_at DESC, id LIMIT :limit")
                .param("limit", limit).query(InboundMessageRepository::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_message").query(Long.class).single();
    }

    private static final String COPY_COLUMNS = "id, uid, size, sha256, quarantine_reason, moved_at";

    static StoredCopy mapCopy(ResultSet rs, int row) throws SQLException {
        return new StoredCopy(new InboundMessageId(rs.getObject("id", UUID.class)), rs.getLong("uid"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("quarantine_reason"),
                rs.getObject("moved_at", OffsetDateTime.class) != null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static InboundMessage map(ResultSet rs, int row) throws SQLException {
        String recipients = rs.getString("recipients");
        return new InboundMessage(
                new InboundMessageId(rs.getObject("id", UUID.class)),
                rs.getString("mailbox"),
                rs.getString("mailbox_address"),
                rs.getString("folder"),
                rs.getLong("uid_validity"),
                rs.getLong("uid"),
                rs.getString("message_id_header"),
                rs.getString("sender"),
                recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split("\n")),
                rs.getString("subject"),
                instant(rs, "sent_at"),
                instant(rs, "received_at"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getString("content_key"),
                rs.getString("quarantine_reason"));
    }
}
