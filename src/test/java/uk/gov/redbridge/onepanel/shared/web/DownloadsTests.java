package uk.gov.redbridge.onepanel.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class DownloadsTests {

    @Test
    void fileNamesLoseTheirPathsQuotesAndControlCharacters() {
        assertThat(Downloads.safeFileName("C:\\Users\\pat\\form.docx")).isEqualTo("form.docx");
        assertThat(Downloads.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Downloads.safeFileName("a\"b\r\nc;d.pdf")).isEqualTo("a_b__c_d.pdf");
        assertThat(Downloads.safeFileName("...hidden")).isEqualTo("hidden");
        assertThat(Downloads.safeFileName(null)).isEqualTo("document");
        assertThat(Downloads.safeFileName("x".repeat(300) + ".docx")).hasSize(150).endsWith(".docx");
    }

    @Test
    void htmlIsNeverServedAsHtml() {
        ResponseEntity<byte[]> html = Downloads.attachment("page.html", "text/html; charset=utf-8", new byte[0]);
        assertThat(html.getHeaders().getContentType().toString()).isEqualTo("application/octet-stream");
        assertThat(html.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
        ResponseEntity<byte[]> pdf = Downloads.attachment("Évaluation.pdf", "application/pdf", new byte[0]);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%C3%89valuation.pdf");
    }
}
