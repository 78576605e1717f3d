package uk.gov.redbridge.onepanel.requests.internal;

import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.instant;
import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.storage.ContentId;

/** The documents of a request's return: parts of the agency's replies, and those added by hand. */
@Repository
public class ReturnDocuments {

    private final JdbcClient jdbc;

    ReturnDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addDocument(ReturnDocument d) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM request_document WHERE request_id = :r AND message_id = :m "
                        + "AND part_path = :p")
                .param("r", d.requestId().value()).param("m", d.messageId().value()).param("p", d.partPath())
                .query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO request_document (id, request_id, message_id, part_path, file_name, content_type, size,
                    sha256, added_at)
                VALUES (:id, :r, :m, :p, :name, :type, :size, :sha, :at)""")
                .param("id", d.id()).param("r", d.requestId().value()).param("m", d.messageId().value())
                .param("p", d.partPath()).param("name", d.fileName()).param("type", d.contentType())
                .param("size", d.size()).param("sha", d.sha256()).param("at", utc(d.addedAt()))
                .update();
    }

    /** A document added by hand: its bytes are in the content store already (written first, so never missing). */
    void addDocumentByHand(ReturnDocument d, ContentId content) {
        jdbc.sql("""
                INSERT INTO request_document (id, request_id, file_name, content_type, size, sha256, added_at,
                    content_id, added_by)
                VALUES (:id, :r, :name, :type, :size, :sha, :at, :content, :by)""")
                .param("id", d.id()).param("r", d.requestId().value()).param("name", d.fileName())
                .param("type", d.contentType()).param("size", d.size()).param("sha", d.sha256())
                .param("at", utc(d.addedAt())).param("content", content.value()).param("by", d.addedBy())
                .update();
    }

    /** The request's first document with these bytes, however it came. */
    Optional<ReturnDocument> documentWithSha(RequestId id, String sha256) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r AND sha256 = :sha ORDER BY added_at, id")
                .param("r", id.value()).param("sha", sha256).query(ReturnDocuments::mapDocument).list().stream()
                .findFirst();
    }

    /** Where the bytes of a document added by hand are kept; empty for a part of a stored message. */
    Optional<ContentId> contentOf(RequestId id, UUID documentId) {
        return jdbc.sql("SELECT content_id FROM request_document WHERE request_id = :r AND id = :id "
                        + "AND content_id IS NOT NULL")
                .param("r", id.value()).param("id", documentId)
                .query((rs, n) -> new ContentId(rs.getObject("content_id", UUID.class))).optional();
    }

    public List<ReturnDocument> documents(RequestId id) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r "
                        + "ORDER BY added_at, message_id, part_path, id")
                .param("r", id.value()).query(ReturnDocuments::mapDocument).list();
    }

    Optional<ReturnDocument> document(RequestId id, UUID documentId) {
        return jdbc.sql("SELECT * FROM request_document WHERE request_id = :r AND id = :id")
                .param("r", id.value()).param("id", documentId).query(ReturnDocuments::mapDocument).optional();
    }

    private static ReturnDocument mapDocument(ResultSet rs, int n) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        return new ReturnDocument(rs.getObject("id", UUID.class), new RequestId(rs.getObject("request_id", UUID.class)),
                message == null ? null : new InboundMessageId(message), rs.getString("part_path"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                instant(rs, "added_at"), rs.getString("added_by"));
    }
}
