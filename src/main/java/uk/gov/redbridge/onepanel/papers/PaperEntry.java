package uk.gov.redbridge.onepanel.papers;

/**
 * One line of the contents: a document (or a page the service wrote) and where it is.
 *
 * @param section   the referral it belongs to ({@code OP-2026-0001}), or null for the agenda
 * @param title     as bookmarked, e.g. "Return from NELFT: chronology.docx"
 * @param firstPage 1-based page in the PDF it is part of
 * @param pages     how many pages it takes
 * @param method    how it got there: {@code pdf}, {@code libreoffice}, {@code text-rendering}, {@code image},
 *                  {@code generated}
 */
public record PaperEntry(String section, String title, int firstPage, int pages, String method) {
}
