package uk.gov.redbridge.onepanel.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document from an email, served for download only (by the case page and the exceptions queue alike): {@code Content-Disposition: attachment} with the file name
 * made safe (RFC 6266, non-ASCII in {@code filename*}), a content type only from a short list of document types
 * (anything else, HTML above all, as {@code application/octet-stream}), and a sandboxing CSP, so nothing a sender
 * wrote ever runs in the service's pages.
 */
public final class Downloads {

    private static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg",
            "image/tiff", "text/plain", "text/csv", "message/rfc822");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        MediaType media = DOCUMENT_TYPES.contains(type) ? MediaType.parseMediaType(type)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok()
                .contentType(media)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(safeFileName(fileName), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    /** The last path segment, without control characters, quotes or separators; "document" if nothing is left. */
    static String safeFileName(String name) {
        if (name == null) {
            return "document";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        String cleaned = last.replaceAll("[\\p{Cntrl}\"<>:|?*;]", "_").strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.length() > 150) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, 150 - ext.length()) + ext;
        }
        return cleaned.isBlank() ? "document" : cleaned;
    }
}
