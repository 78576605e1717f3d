package uk.gov.redbridge.onepanel.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.storage.internal.ContentCipher;

/**
 * Keeps bytes in the database, in the caller's transaction, so a row that points at content and the content itself
 * commit together. Encrypted at rest when {@code onepanel.storage.encryption-key} is set.
 */
@Service
public class ContentStore {

    private final JdbcClient jdbc;
    private final ContentCipher cipher;
    private final Clock clock;

    ContentStore(JdbcClient jdbc, ContentCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public ContentId put(byte[] bytes) {
        ContentId id = new ContentId(UUID.randomUUID());
        ContentCipher.Sealed sealed = cipher.seal(id.value(), bytes);
        jdbc.sql("""
                INSERT INTO stored_content (id, sha256, size, key_id, content, created_at)
                VALUES (:id, :sha256, :size, :keyId, :content, :createdAt)""")
                .param("id", id.value())
                .param("sha256", sha256Hex(bytes))
                .param("size", (long) bytes.length)
                .param("keyId", sealed.keyId())
                .param("content", sealed.bytes())
                .param("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return id;
    }

    public byte[] get(ContentId id) {
        StoredRow row = jdbc.sql("SELECT key_id, content FROM stored_content WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new StoredRow(rs.getString("key_id"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> new ContentNotFoundException(id));
        return cipher.open(id.value(), row.keyId(), row.content());
    }

    public long size(ContentId id) {
        return jdbc.sql("SELECT size FROM stored_content WHERE id = :id")
                .param("id", id.value())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ContentNotFoundException(id));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private record StoredRow(String keyId, byte[] content) {
    }

    public static class ContentNotFoundException extends RuntimeException {
        ContentNotFoundException(ContentId id) {
            super("no stored content " + id);
        }
    }
}
