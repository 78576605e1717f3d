package uk.gov.redbridge.onepanel.extraction.internal.reading;

/**
 * What a page is made of, for a page that has positions rather than structure (PDF, scans). Coordinates have their
 * origin at the top left, y growing downwards, in points for PDF and pixels for scans.
 */
final class PageGeometry {

    private PageGeometry() {
    }

    /**
     * A word.
     *
     * @param size    the font size (or, for OCR, the line height), in the page's units
     * @param quality 1 for digital text, the OCR confidence (0..1) otherwise
     */
    record Word(String text, double x0, double y0, double x1, double y1, double size, double quality) {

        double cx() {
            return (x0 + x1) / 2;
        }

        double cy() {
            return (y0 + y1) / 2;
        }
    }

    /** A ruling line: a table border, an underline, the edge of a shaded box. */
    record Segment(double x0, double y0, double x1, double y1) {

        boolean horizontal() {
            return Math.abs(x1 - x0) >= Math.abs(y1 - y0);
        }

        double length() {
            return Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        }
    }

    /**
     * A drawn box (a shaded label cell, a bordered value box) or a form field's widget.
     *
     * @param fill     background colour as RRGGBB, or null
     * @param value    for a form field: its value (a widget's text is not part of the page's content)
     * @param location for a form field: {@code PDF field 'name'}
     */
    record Box(double x0, double y0, double x1, double y1, String fill, String value, String location) {

        boolean widget() {
            return location != null;
        }

        double area() {
            return (x1 - x0) * (y1 - y0);
        }

        boolean contains(double x, double y, double margin) {
            return x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin;
        }
    }
}
