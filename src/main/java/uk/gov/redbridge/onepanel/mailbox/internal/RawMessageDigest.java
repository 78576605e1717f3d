package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identities of a raw RFC 822 message, computed in one pass so that a message too large to keep can still be
 * identified while it streams by: the SHA-256 of all its bytes, the SHA-256 of its body (everything after the first
 * empty line), its size, and its header block (up to 1 MiB).
 */
final class RawMessageDigest {

    static final int HEADER_LIMIT = 1 << 20;

    private final MessageDigest whole = newSha256();
    private final MessageDigest body = newSha256();
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private boolean inBody;
    private int lineLength;
    private long size;

    static RawMessageDigest of(byte[] raw) {
        RawMessageDigest digest = new RawMessageDigest();
        digest.update(raw, 0, raw.length);
        return digest;
    }

    void update(byte[] bytes, int offset, int length) {
        whole.update(bytes, offset, length);
        size += length;
        if (inBody) {
            body.update(bytes, offset, length);
            return;
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (header.size() < HEADER_LIMIT) {
                header.write(b);
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    // an empty line (LF or CRLF) ends the header block
                    inBody = true;
                    body.update(bytes, i + 1, end - i - 1);
                    return;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
    }

    String sha256() {
        return hex(clone(whole).digest());
    }

    String bodySha256() {
        return hex(clone(body).digest());
    }

    long size() {
        return size;
    }

    byte[] headerBlock() {
        return header.toByteArray();
    }

    /**
     * The content key: the SHA-256 of the Message-ID (as sent, or empty), a line feed, and the hex SHA-256 of the
     * body. The same email delivered to two mailboxes, or again with other transport headers, has the same key.
     */
    String contentKey(String messageId) {
        MessageDigest key = newSha256();
        key.update((messageId == null ? "" : messageId).getBytes(StandardCharsets.UTF_8));
        key.update((byte) '\n');
        key.update(bodySha256().getBytes(StandardCharsets.US_ASCII));
        return hex(key.digest());
    }

    static String sha256Hex(String text) {
        return hex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
