package uk.gov.redbridge.onepanel.shared.web;

import java.util.regex.Pattern;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The name and type a file uploaded by a person is kept and served under: the base name the browser sent (a path is
 * cut off, control and direction-changing characters dropped, at most 200 characters with its extension kept), and
 * the type given if it is a valid media type, else {@code application/octet-stream}. Used by every module that takes
 * uploads, so that they are named alike.
 */
public final class UploadedFiles {

    public static final String DEFAULT_NAME = "document";
    public static final String DEFAULT_TYPE = "application/octet-stream";
    private static final int MAX_NAME = 200;
    /** The document tables' content_type columns are VARCHAR(200). */
    private static final int MAX_TYPE = 200;
    /** Control characters, and format characters such as U+202E that make "cod.exe" read as "exe.doc". */
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");

    private UploadedFiles() {
    }

    public static String baseName(String fileName) {
        if (fileName == null) {
            return DEFAULT_NAME;
        }
        String name = UNSAFE.matcher(fileName).replaceAll("");
        // browsers on Windows have sent the whole path ("C:\Users\...\return.docx")
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return DEFAULT_NAME;
        }
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX_NAME - extension.length()).strip() + extension;
    }

    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank() || contentType.length() > MAX_TYPE) {
            return DEFAULT_TYPE;
        }
        try {
            MimeType type = MimeTypeUtils.parseMimeType(contentType.strip());
            return type.isWildcardType() || type.isWildcardSubtype() ? DEFAULT_TYPE : type.toString();
        } catch (InvalidMimeTypeException e) {
            return DEFAULT_TYPE;
        }
    }
}
