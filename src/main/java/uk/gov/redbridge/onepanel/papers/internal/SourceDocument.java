package uk.gov.redbridge.onepanel.papers.internal;

/**
 * A document to put into the papers, with where it came from.
 *
 * @param section the referral reference it belongs to
 * @param source  in words, e.g. "Return from NELFT", "Referral form", "Sent with the referral"
 */
record SourceDocument(String section, String source, String fileName, String contentType, byte[] bytes) {

    String extension() {
        String name = fileName == null ? "" : fileName.trim().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
