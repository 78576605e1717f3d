package uk.gov.redbridge.onepanel.extraction.internal.reading;

/**
 * The bounds every parse runs within (RELIABILITY.md section 1). Sent with each request to the parsing worker.
 *
 * @param maxBytes         the largest document accepted
 * @param maxPages         the most pages a PDF may have
 * @param maxZipEntries    the most entries a Word or OpenDocument package may have
 * @param minInflateRatio  the smallest compressed/uncompressed ratio of a package entry (a zip bomb compresses far
 *                         better than any real document)
 * @param maxEntryBytes    the largest uncompressed package entry
 * @param maxTextChars     the most characters of text a document may yield
 * @param ocr              how scans and images are read
 */
public record ReadingLimits(long maxBytes, int maxPages, int maxZipEntries, double minInflateRatio,
        long maxEntryBytes, long maxTextChars, Ocr ocr) {

    /**
     * @param enabled        false: scans and images are reported as {@code needs_ocr}
     * @param tesseract      the tesseract program, a name looked up on the PATH or a full path
     * @param language       tesseract language(s), e.g. {@code eng}
     * @param dpi            resolution pages are rendered at for OCR
     * @param maxPages       the most pages read by OCR
     * @param timeoutSeconds the longest one page may take
     */
    public record Ocr(boolean enabled, String tesseract, String language, int dpi, int maxPages, int timeoutSeconds) {
    }

    /** Defaults for tests and tools; the service takes its limits from {@code onepanel.extraction.*}. */
    public static ReadingLimits defaults() {
        return new ReadingLimits(25L * 1024 * 1024, 50, 1000, 0.01, 100L * 1024 * 1024, 2_000_000,
                new Ocr(true, "tesseract", "eng", 300, 10, 120));
    }

    public ReadingLimits withOcr(Ocr other) {
        return new ReadingLimits(maxBytes, maxPages, maxZipEntries, minInflateRatio, maxEntryBytes, maxTextChars,
                other);
    }

    /**
     * The limits a document is checked within before it is kept as a paper (an agency's return, a chronology):
     * no OCR, since a scan is kept as it is and reading it would only cost time; and room for the long documents that
     * papers are (a form is a few pages, a chronology may be hundreds). Size, package and decompression limits and
     * the worker's time and memory stay as configured.
     */
    public ReadingLimits forChecking() {
        return new ReadingLimits(maxBytes, Math.max(maxPages, maxPages * 20), maxZipEntries, minInflateRatio,
                maxEntryBytes, Math.max(maxTextChars, Math.min(maxTextChars * 4, 5_000_000)),
                new Ocr(false, ocr.tesseract(), ocr.language(), ocr.dpi(), Math.max(ocr.maxPages(), ocr.maxPages() * 20),
                        ocr.timeoutSeconds()));
    }
}
