package uk.gov.redbridge.onepanel.storage.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit IV per item and the item's id as associated data, so ciphertext cannot be
 * swapped between rows. Stored form: IV (12 bytes) then ciphertext and tag. A row's key id names the key that
 * sealed it; {@code null} means stored in clear (embedded default without a key).
 */
@Component
@EnableConfigurationProperties(StorageSettings.class)
public class ContentCipher {

    private static final Logger log = LoggerFactory.getLogger(ContentCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    ContentCipher(StorageSettings settings) {
        String encoded = settings.encryptionKey();
        if (encoded == null || encoded.isBlank()) {
            if (settings.requireEncryption()) {
                throw new IllegalStateException("onepanel.storage.encryption-key is required "
                        + "(set ONEPANEL_STORAGE_ENCRYPTION_KEY to base64 of 32 random bytes)");
            }
            log.warn("Stored documents are NOT encrypted at rest: set ONEPANEL_STORAGE_ENCRYPTION_KEY "
                    + "(base64 of 32 random bytes) outside a demo");
            this.key = null;
            this.keyId = null;
            return;
        }
        byte[] raw = Base64.getDecoder().decode(encoded.trim());
        if (raw.length != 32) {
            throw new IllegalStateException("onepanel.storage.encryption-key must be base64 of exactly 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = settings.keyId();
    }

    public record Sealed(String keyId, byte[] bytes) {
    }

    public Sealed seal(UUID id, byte[] plain) {
        if (key == null) {
            return new Sealed(null, plain);
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(id));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(keyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt content", e);
        }
    }

    public byte[] open(UUID id, String storedKeyId, byte[] stored) {
        if (storedKeyId == null) {
            return stored;
        }
        if (key == null || !storedKeyId.equals(keyId)) {
            // fail closed: never hand out ciphertext as if it were the document
            throw new IllegalStateException("content is sealed with key '" + storedKeyId + "', which is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(aad(id));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored content failed its integrity check", e);
        }
    }

    private static byte[] aad(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
