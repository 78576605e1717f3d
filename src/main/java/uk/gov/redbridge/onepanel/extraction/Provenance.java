package uk.gov.redbridge.onepanel.extraction;

/**
 * Where a field's value was read.
 *
 * @param file     the file name (or {@code "(email body)"})
 * @param page     1-based page, for PDFs and scans; null otherwise
 * @param location a readable locator: {@code "table 2, row 3, cell 4"}, {@code "text offset 1234"},
 *                 {@code "PDF field 'Text12'"}
 * @param label    the label wording on the document that matched the mapping, e.g. {@code "D.O.B."}
 */
public record Provenance(String file, Integer page, String location, String label) {
}
