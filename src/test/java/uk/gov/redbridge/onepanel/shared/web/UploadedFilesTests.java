package uk.gov.redbridge.onepanel.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name and type an uploaded file is kept and served under. */
class UploadedFilesTests {

    @Test
    void keepsOnlyTheBaseNameOfWhatTheBrowserSent() {
        assertThat(UploadedFiles.baseName("return.docx")).isEqualTo("return.docx");
        assertThat(UploadedFiles.baseName("C:\\Users\\panel\\Desktop\\NELFT return.docx"))
                .isEqualTo("NELFT return.docx");
        assertThat(UploadedFiles.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadedFiles.baseName("  scan 12.pdf  ")).isEqualTo("scan 12.pdf");
    }

    @Test
    void dropsControlAndDirectionCharactersThatCouldDisguiseAName() {
        assertThat(UploadedFiles.baseName("return\r\n.docx")).isEqualTo("return.docx");
        assertThat(UploadedFiles.baseName("return\u202Excod.exe")).isEqualTo("returnxcod.exe");
    }

    @Test
    void namesANamelessFileDocument() {
        assertThat(UploadedFiles.baseName(null)).isEqualTo("document");
        assertThat(UploadedFiles.baseName("  ")).isEqualTo("document");
        assertThat(UploadedFiles.baseName("folder/")).isEqualTo("document");
        assertThat(UploadedFiles.baseName("..")).isEqualTo("document");
    }

    @Test
    void shortensALongNameKeepingItsExtension() {
        String name = UploadedFiles.baseName("x".repeat(400) + ".docx");
        assertThat(name).hasSize(200).endsWith("x.docx");
    }

    @Test
    void keepsAValidMediaTypeElseOctetStream() {
        assertThat(UploadedFiles.mediaType("application/pdf")).isEqualTo("application/pdf");
        assertThat(UploadedFiles.mediaType("text/plain; charset=UTF-8")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(UploadedFiles.mediaType(null)).isEqualTo("application/octet-stream");
        assertThat(UploadedFiles.mediaType("")).isEqualTo("application/octet-stream");
        assertThat(UploadedFiles.mediaType("not a type")).isEqualTo("application/octet-stream");
        assertThat(UploadedFiles.mediaType("*/*")).isEqualTo("application/octet-stream");
        assertThat(UploadedFiles.mediaType("application/" + "x".repeat(300))).isEqualTo("application/octet-stream");
    }
}
