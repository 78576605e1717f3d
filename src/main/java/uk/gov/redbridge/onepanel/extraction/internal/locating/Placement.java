package uk.gov.redbridge.onepanel.extraction.internal.locating;

/** Where a value stood relative to its label; the less direct, the less sure. */
public enum Placement {
    /** after the label in the same line or cell ("First name: Jane") */
    INLINE(1.0),
    /** in the lines or paragraphs right under the label, before the next label */
    FOLLOWING(0.97),
    /** in the table cell to the right of the label's cell */
    RIGHT(1.0),
    /** in the table cell under the label's cell (a row of labels above a row of answers) */
    BELOW(0.92);

    private final double factor;

    Placement(double factor) {
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }
}
