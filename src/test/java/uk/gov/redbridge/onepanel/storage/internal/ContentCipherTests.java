package uk.gov.redbridge.onepanel.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ContentCipherTests {

    static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final byte[] canary = "NHS 999 000 0018 Alexis Testcase".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedContentDoesNotContainThePlainTextAndOpensAgain() {
        ContentCipher cipher = new ContentCipher(new StorageSettings(key(), "k1", true));
        UUID id = UUID.randomUUID();
        ContentCipher.Sealed sealed = cipher.seal(id, canary);
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("999 000 0018");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(cipher.open(id, "k1", sealed.bytes())).isEqualTo(canary);
    }

    @Test
    void contentMovedToAnotherRowOrTamperedWithFailsItsCheck() {
        ContentCipher cipher = new ContentCipher(new StorageSettings(key(), "k1", true));
        UUID id = UUID.randomUUID();
        byte[] sealed = cipher.seal(id, canary).bytes();
        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), "k1", sealed)).hasMessageContaining("integrity");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(id, "k1", sealed)).hasMessageContaining("integrity");
    }

    @Test
    void theWrongKeyFailsClosed() {
        byte[] sealed = new ContentCipher(new StorageSettings(key(), "k1", true)).seal(UUID.randomUUID(), canary).bytes();
        ContentCipher other = new ContentCipher(new StorageSettings(key(), "k2", true));
        assertThatThrownBy(() -> other.open(UUID.randomUUID(), "k1", sealed)).hasMessageContaining("not configured");
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new ContentCipher(new StorageSettings("", "k1", true)))
                .hasMessageContaining("ONEPANEL_STORAGE_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new ContentCipher(new StorageSettings("c2hvcnQ=", "k1", true)))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void withoutAKeyOnEmbeddedDefaultsContentIsKeptAsIs() {
        ContentCipher cipher = new ContentCipher(new StorageSettings(null, null, false));
        ContentCipher.Sealed sealed = cipher.seal(UUID.randomUUID(), canary);
        assertThat(sealed.keyId()).isNull();
        assertThat(sealed.bytes()).isEqualTo(canary);
    }
}
