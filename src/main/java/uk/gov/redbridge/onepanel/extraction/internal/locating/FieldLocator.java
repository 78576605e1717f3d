package uk.gov.redbridge.onepanel.extraction.internal.locating;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;

/**
 * Finds the values of a form's fields in a document's paragraphs and tables, the way a person reads a form: a label,
 * then its answer after a colon, under it, or in the next cell; and, in a table with a row of labels over a row of
 * answers, in the cell below. Section headings decide which field an ambiguous label ("Name", "Address") belongs
 * to; where a heading is missing, a label that belongs to one section only moves the reading to that section.
 * Paragraphs are read by {@link Lines}, tables by {@link TableReading}, the state kept in {@link Reading}.
 */
public final class FieldLocator {

    private final FormMapping mapping;
    private final Vocabulary vocabulary;

    public FieldLocator(FormMapping mapping) {
        this.mapping = mapping;
        this.vocabulary = new Vocabulary(mapping);
    }

    /** The form's fields in a document; reading stops at a sign-off ("Kind regards") outside tables. */
    public LocatedForm locate(DocumentLayout layout) {
        // one document's label scores, worked out once each and dropped with its reading
        try (var scores = vocabulary.index.rememberScores()) {
            Reading reading = new Reading(mapping, vocabulary, layout.ocr());
            Lines lines = reading.lines(false);
            lines.blocks(layout.blocks());
            lines.close();
            return reading.result(vocabulary.titleIn(layout.text()));
        }
    }
}
