package uk.gov.redbridge.onepanel.referrals.internal;

import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.instant;
import static uk.gov.redbridge.onepanel.referrals.internal.ReferralRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.storage.ContentId;

/** A referral's documents: the parts of its messages, and those added by hand (their bytes in the content store). */
@Repository
public class ReferralDocuments {

    private final JdbcClient jdbc;

    ReferralDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addDocument(ReferralId id, ReferralDocument d) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM referral_document WHERE referral_id = :r AND message_id = :m "
                        + "AND part_path = :p")
                .param("r", id.value()).param("m", d.messageId().value()).param("p", d.partPath())
                .query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO referral_document (id, referral_id, message_id, part_path, file_name, content_type, size,
                    sha256, role, added_at)
                VALUES (:id, :r, :m, :p, :name, :type, :size, :sha, :role, :at)""")
                .param("id", d.id()).param("r", id.value()).param("m", d.messageId().value())
                .param("p", d.partPath()).param("name", d.fileName()).param("type", d.contentType())
                .param("size", d.size()).param("sha", d.sha256()).param("role", d.role())
                .param("at", utc(d.addedAt())).update();
    }

    /** The referral's documents that came in a message: taken off with it. @return how many */
    int removeDocumentsOf(ReferralId id, InboundMessageId messageId) {
        return jdbc.sql("DELETE FROM referral_document WHERE referral_id = :r AND message_id = :m")
                .param("r", id.value()).param("m", messageId.value()).update();
    }

    /** A document added by hand: its bytes are already in the content store. */
    void addDocumentByHand(ReferralId id, ReferralDocument d, ContentId content) {
        jdbc.sql("""
                INSERT INTO referral_document (id, referral_id, file_name, content_type, size, sha256, role, added_at,
                    content_id, added_by)
                VALUES (:id, :r, :name, :type, :size, :sha, :role, :at, :content, :by)""")
                .param("id", d.id()).param("r", id.value()).param("name", d.fileName())
                .param("type", d.contentType()).param("size", d.size()).param("sha", d.sha256())
                .param("role", d.role()).param("at", utc(d.addedAt())).param("content", content.value())
                .param("by", d.addedBy()).update();
    }

    /** A document of the referral with these bytes, however it came. */
    Optional<ReferralDocument> documentWithSha(ReferralId id, String sha256) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r AND sha256 = :sha "
                        + "ORDER BY added_at, id")
                .param("r", id.value()).param("sha", sha256).query(ReferralDocuments::mapDocument).list().stream()
                .findFirst();
    }

    /** Where the bytes of a document added by hand are kept; empty for a part of a message. */
    Optional<ContentId> contentOf(UUID documentId) {
        return jdbc.sql("SELECT content_id FROM referral_document WHERE id = :id AND content_id IS NOT NULL")
                .param("id", documentId).query((rs, n) -> new ContentId(rs.getObject("content_id", UUID.class)))
                .optional();
    }

    public List<ReferralDocument> documents(ReferralId id) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r ORDER BY added_at, part_path")
                .param("r", id.value()).query(ReferralDocuments::mapDocument).list();
    }

    public Optional<ReferralDocument> document(ReferralId id, UUID documentId) {
        return jdbc.sql("SELECT * FROM referral_document WHERE referral_id = :r AND id = :id")
                .param("r", id.value()).param("id", documentId).query(ReferralDocuments::mapDocument).optional();
    }

    private static ReferralDocument mapDocument(ResultSet rs, int n) throws SQLException {
        UUID message = rs.getObject("message_id", UUID.class);
        return new ReferralDocument(rs.getObject("id", UUID.class),
                message == null ? null : new InboundMessageId(message), rs.getString("part_path"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("role"), instant(rs, "added_at"), rs.getString("added_by"));
    }
}
