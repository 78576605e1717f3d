package uk.gov.redbridge.onepanel.papers.internal;

import java.util.Set;

/** How a document is turned into pages, decided from its name and declared type (then checked by reading it). */
enum DocumentKind {
    PDF, OFFICE, TEXT, HTML, IMAGE, MESSAGE, OTHER;

    private static final Set<String> OFFICE_EXTENSIONS = Set.of("doc", "docx", "docm", "dot", "dotx", "odt", "rtf",
            "xls", "xlsx", "ods", "ppt", "pptx", "odp", "wpd");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    static DocumentKind of(SourceDocument d) {
        String ext = d.extension();
        String type = d.mediaType();
        if (ext.equals("pdf") || type.equals("application/pdf")) {
            return PDF;
        }
        if (OFFICE_EXTENSIONS.contains(ext) || type.equals("application/msword") || type.equals("application/rtf")
                || type.startsWith("application/vnd.openxmlformats-officedocument")
                || type.startsWith("application/vnd.oasis.opendocument") || type.equals("application/vnd.ms-excel")) {
            return OFFICE;
        }
        if (IMAGE_EXTENSIONS.contains(ext) || type.equals("image/png") || type.equals("image/jpeg")
                || type.equals("image/gif") || type.equals("image/bmp")) {
            return IMAGE;
        }
        if (ext.equals("htm") || ext.equals("html") || type.equals("text/html")) {
            return HTML;
        }
        if (ext.equals("eml") || ext.equals("msg") || type.equals("message/rfc822")
                || type.equals("application/vnd.ms-outlook")) {
            return MESSAGE;
        }
        if (ext.equals("txt") || ext.equals("csv") || type.equals("text/plain") || type.equals("text/csv")) {
            return TEXT;
        }
        return OTHER;
    }
}
