package uk.gov.redbridge.onepanel.storage.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param encryptionKey base64 of 32 random bytes (AES-256); from the environment ({@code ONEPANEL_STORAGE_ENCRYPTION_KEY}),
 *                      never from a file in the repository. Empty means content is stored unencrypted (embedded
 *                      default only: the production profile refuses to start without it).
 * @param keyId         a name for the key, stored with each item so keys can be rotated
 * @param requireEncryption refuse to start without a key (set by the production profile)
 */
@ConfigurationProperties("onepanel.storage")
record StorageSettings(String encryptionKey, String keyId, boolean requireEncryption) {

    StorageSettings {
        if (keyId == null || keyId.isBlank()) {
            keyId = "k1";
        }
    }
}
