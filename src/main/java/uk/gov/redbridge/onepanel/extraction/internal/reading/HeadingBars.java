package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;

/** The dark heading bars of a scanned page: inverted before OCR (white text on black is read poorly). */
final class HeadingBars {

    private final int width;
    private final int height;
    private final List<Box> bars = new ArrayList<>();

    private HeadingBars(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The bars of a page's pixels ({@code width} by {@code height}, one byte of grey each). */
    static List<Box> find(byte[] px, int width, int height, int threshold, int dpi) {
        HeadingBars finder = new HeadingBars(width, height);
        finder.findBars(px, threshold, dpi);
        return finder.bars;
    }

    /**
     * Dark heading bars: bands of rows mostly ink across a wide stretch (white lettering leaves them mostly dark).
     */
    private void findBars(byte[] px, int threshold, int dpi) {
        int minHeight = Math.max(6, (int) Math.round(dpi * 7.0 / 72));
        int minWidth = width / 3;
        int start = -1;
        int barFrom = Integer.MAX_VALUE;
        int barTo = -1;
        for (int y = 0; y <= height; y++) {
            int from = -1;
            int to = -1;
            int dark = 0;
            if (y < height) {
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    if ((px[row + x] & 0xFF) < threshold) {
                        dark++;
                        if (from < 0) {
                            from = x;
                        }
                        to = x;
                    }
                }
            }
            boolean barRow = to - from >= minWidth && dark >= (to - from) * 0.6;
            if (barRow) {
                if (start < 0) {
                    start = y;
                    barFrom = from;
                    barTo = to;
                } else {
                    barFrom = Math.min(barFrom, from);
                    barTo = Math.max(barTo, to);
                }
            } else if (start >= 0) {
                if (y - start >= minHeight) {
                    bars.add(new Box(barFrom, start, barTo, y - 1, "000000", null, null));
                }
                start = -1;
                barFrom = Integer.MAX_VALUE;
                barTo = -1;
            }
        }
    }
}
