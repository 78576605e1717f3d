package uk.gov.redbridge.onepanel.extraction.internal.layout;

/**
 * Where a piece of text stood in its document, for provenance.
 *
 * @param page     1-based page (PDF and scans), or null where a document has no fixed pages
 * @param location a readable locator: {@code "table 2, row 3, cell 4"}, {@code "paragraph 12"},
 *                 {@code "PDF field 'Text12'"}, {@code "page 1, line 7"}
 * @param quality  how far the characters can be trusted: 1 for digital text, the mean OCR word confidence (0..1) for
 *                 text read from an image
 */
public record Origin(Integer page, String location, double quality) {

    public static Origin at(String location) {
        return new Origin(null, location, 1.0);
    }

    public static Origin onPage(int page, String location) {
        return new Origin(page, location, 1.0);
    }

    public boolean fromOcr() {
        return quality < 1.0;
    }
}
