package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.storage.ContentStore;

/** The name and type an uploaded file is kept and served under. */
class HandAddedDocumentTests {

    @Test
    void keepsOnlyTheBaseNameOfWhatTheBrowserSent() {
        assertThat(HandAddedDocument.baseName("return.docx")).isEqualTo("return.docx");
        assertThat(HandAddedDocument.baseName("C:\\Users\\panel\\Desktop\\NELFT return.docx"))
                .isEqualTo("NELFT return.docx");
        assertThat(HandAddedDocument.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(HandAddedDocument.baseName("  scan 12.pdf  ")).isEqualTo("scan 12.pdf");
    }

    @Test
    void dropsControlAndDirectionCharactersThatCouldDisguiseAName() {
        assertThat(HandAddedDocument.baseName("return\r\n.docx")).isEqualTo("return.docx");
        assertThat(HandAddedDocument.baseName("return\u202Excod.exe")).isEqualTo("returnxcod.exe");
    }

    @Test
    void namesANamelessFileDocument() {
        assertThat(HandAddedDocument.baseName(null)).isEqualTo("document");
        assertThat(HandAddedDocument.baseName("  ")).isEqualTo("document");
        assertThat(HandAddedDocument.baseName("folder/")).isEqualTo("document");
        assertThat(HandAddedDocument.baseName("..")).isEqualTo("document");
    }

    @Test
    void shortensALongNameKeepingItsExtension() {
        String name = HandAddedDocument.baseName("x".repeat(400) + ".docx");
        assertThat(name).hasSize(200).endsWith("x.docx");
    }

    @Test
    void keepsAValidMediaTypeElseOctetStream() {
        assertThat(HandAddedDocument.mediaType("application/pdf")).isEqualTo("application/pdf");
        assertThat(HandAddedDocument.mediaType("text/plain; charset=UTF-8")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(HandAddedDocument.mediaType(null)).isEqualTo("application/octet-stream");
        assertThat(HandAddedDocument.mediaType("")).isEqualTo("application/octet-stream");
        assertThat(HandAddedDocument.mediaType("not a type")).isEqualTo("application/octet-stream");
        assertThat(HandAddedDocument.mediaType("*/*")).isEqualTo("application/octet-stream");
        assertThat(HandAddedDocument.mediaType("application/" + "x".repeat(300))).isEqualTo("application/octet-stream");
    }

    @Test
    void hashesTheBytesAsTheContentStoreDoes() {
        byte[] bytes = "a return".getBytes(StandardCharsets.UTF_8);
        HandAddedDocument document = HandAddedDocument.of("r.txt", "text/plain", bytes);
        assertThat(document.sha256()).isEqualTo(ContentStore.sha256Hex(bytes));
        assertThat(HandAddedDocument.of("r.txt", null, null).content()).isEmpty();
    }
}
