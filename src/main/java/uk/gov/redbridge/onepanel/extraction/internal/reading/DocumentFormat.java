package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** What a file is, told from its bytes first and its name second (a name can lie, magic numbers rarely do). */
enum DocumentFormat {
    DOCX("Word document"), DOC("Word 97-2003 document"), ODT("OpenDocument text"), OTHER_PACKAGE("office package"),
    PDF("PDF"), RTF("RTF document"), HTML("web page"), TEXT("text file"), IMAGE("image"),
    ENCRYPTED_PACKAGE("password-protected Office document"), OLE2("Office 97-2003 file"), UNKNOWN("file");

    private final String description;

    DocumentFormat(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static DocumentFormat sniff(String fileName, byte[] b, List<ZipDirectory.Entry> zipEntries) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(b, "%PDF") || indexOf(b, "%PDF-", 1024) >= 0) {
            return PDF;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            return OLE2;
        }
        if (startsWith(b, "PK")) {
            if (zipEntries == null) {
                return name.endsWith(".docx") || name.endsWith(".odt") ? DOCX : UNKNOWN;
            }
            boolean word = zipEntries.stream().anyMatch(e -> e.name().equals("word/document.xml")
                    || e.name().equals("word/document2.xml"));
            if (word) {
                return DOCX;
            }
            boolean odf = zipEntries.stream().anyMatch(e -> e.name().equals("content.xml"))
                    && zipEntries.stream().anyMatch(e -> e.name().equals("mimetype"));
            if (odf) {
                return ODT;
            }
            if (zipEntries.stream().anyMatch(e -> e.name().equals("[Content_Types].xml"))) {
                return OTHER_PACKAGE;
            }
            return UNKNOWN;
        }
        if (startsWith(b, "{\\rtf")) {
            return RTF;
        }
        if (isImage(b)) {
            return IMAGE;
        }
        String head = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || name.endsWith(".html")
                || name.endsWith(".htm")) {
            return HTML;
        }
        if (looksLikeText(b)) {
            return TEXT;
        }
        return UNKNOWN;
    }

    static boolean isImage(byte[] b) {
        return startsWithBytes(b, 0x89, 'P', 'N', 'G') || startsWithBytes(b, 0xFF, 0xD8, 0xFF)
                || startsWithBytes(b, 'I', 'I', 42, 0) || startsWithBytes(b, 'M', 'M', 0, 42)
                || startsWith(b, "GIF8") || startsWith(b, "BM");
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                control++;
            }
        }
        return control * 100 <= n;
    }

    private static boolean startsWith(byte[] b, String s) {
        if (b.length < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBytes(byte[] b, int... s) {
        if (b.length < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if ((b[i] & 0xFF) != (s[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String s, int within) {
        int n = Math.min(b.length - s.length(), within);
        outer:
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (b[i + j] != (byte) s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
