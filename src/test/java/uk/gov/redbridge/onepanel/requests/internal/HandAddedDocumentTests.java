package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.storage.ContentStore;

/** An uploaded return as it is kept (its name and type: {@code UploadedFilesTests}). */
class HandAddedDocumentTests {

    @Test
    void hashesTheBytesAsTheContentStoreDoes() {
        byte[] bytes = "a return".getBytes(StandardCharsets.UTF_8);
        HandAddedDocument document = HandAddedDocument.of("r.txt", "text/plain", bytes);
        assertThat(document.sha256()).isEqualTo(ContentStore.sha256Hex(bytes));
        assertThat(HandAddedDocument.of("r.txt", null, null).content()).isEmpty();
        assertThat(HandAddedDocument.of("C:\\scans\\r.txt", "*/*", bytes))
                .satisfies(d -> assertThat(d.fileName()).isEqualTo("r.txt"))
                .satisfies(d -> assertThat(d.contentType()).isEqualTo("application/octet-stream"));
    }
}
