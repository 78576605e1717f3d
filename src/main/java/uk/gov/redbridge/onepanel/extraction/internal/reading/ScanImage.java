package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.image.BufferedImage;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Segment;

/**
 * A scanned page prepared for OCR, by four detectors in turn: {@link Straightening} (ink from paper, and the angle it
 * was scanned at), {@link RulingLines} (table borders, erased, with the {@link HeadingBars} inverted) and
 * {@link TickBoxFinder} (tick boxes, erased and kept as marks). The ruling lines found give the table cells their
 * boundaries.
 */
final class ScanImage {

    /** The straightened page with lines erased and bars inverted: what OCR reads. */
    final BufferedImage cleaned;
    final List<Segment> segments;
    final List<Box> bars;
    /** tick boxes found on the page, as the marks ☒ and ☐ where they stand (erased from the image OCR reads) */
    final List<PageGeometry.Word> ticks;
    final double skewDegrees;

    private ScanImage(BufferedImage cleaned, double skewDegrees, RulingLines lines, List<PageGeometry.Word> ticks) {
        this.cleaned = cleaned;
        this.skewDegrees = skewDegrees;
        this.segments = lines.segments;
        this.bars = lines.bars;
        this.ticks = ticks;
    }

    /**
     * @param dpi the resolution of the image, for thresholds in physical sizes
     */
    static ScanImage prepare(BufferedImage source, int dpi) {
        BufferedImage gray = Straightening.toGray(source);
        byte[] pixels = Straightening.pixels(gray);
        int threshold = Straightening.otsu(pixels);
        double angle = Straightening.skew(pixels, gray.getWidth(), gray.getHeight(), threshold);
        BufferedImage straight = Math.abs(angle) >= 0.05 ? Straightening.rotate(gray, -angle) : gray;
        RulingLines lines = RulingLines.find(straight, dpi, threshold);
        List<PageGeometry.Word> ticks = TickBoxFinder.find(straight, dpi, threshold);
        return new ScanImage(straight, angle, lines, ticks);
    }
}
