package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The tick boxes of a scanned page, as the marks \u2612 and \u2610 where they stand; each is erased from the page so
 * that OCR does not read it as a letter.
 */
final class TickBoxFinder {

    private final BufferedImage cleaned;
    private final int width;
    private final int height;
    private final List<PageGeometry.Word> ticks = new ArrayList<>();

    private TickBoxFinder(BufferedImage cleaned) {
        this.cleaned = cleaned;
        this.width = cleaned.getWidth();
        this.height = cleaned.getHeight();
    }

    /** The tick boxes of a straightened page (erased from it). */
    static List<PageGeometry.Word> find(BufferedImage cleaned, int dpi, int threshold) {
        TickBoxFinder finder = new TickBoxFinder(cleaned);
        finder.findTickBoxes(dpi, threshold);
        return finder.ticks;
    }

    /**
     * Small squares drawn as boxes: a tick box, ticked when there is ink inside it (a cross or a tick). OCR reads a
     * box as "O", "0", "D" or "LJ" and a ticked box as anything at all; found here, they become ☒ and ☐. A letter
     * such as O or D is not a box: its top, bottom and sides are not straight runs of ink.
     */
    private void findTickBoxes(int dpi, int threshold) {
        byte[] px = Straightening.pixels(cleaned);
        int min = (int) Math.round(dpi * 5.0 / 72);
        int max = (int) Math.round(dpi * 20.0 / 72);
        int[] labels = new int[px.length];
        int[] queue = new int[px.length];
        int next = 0;
        for (int start = 0; start < px.length; start++) {
            if (labels[start] != 0 || (px[start] & 0xFF) >= threshold) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            labels[start] = next;
            int x0 = width;
            int y0 = height;
            int x1 = -1;
            int y1 = -1;
            int count = 0;
            boolean tooBig = false;
            while (head < tail) {
                int i = queue[head++];
                int x = i % width;
                int y = i / width;
                count++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                if (x1 - x0 > max || y1 - y0 > max) {
                    tooBig = true;
                }
                for (int d = 0; d < 4; d++) {
                    int nx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
                    int ny = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                        continue;
                    }
                    int j = ny * width + nx;
                    if (labels[j] == 0 && (px[j] & 0xFF) < threshold) {
                        labels[j] = next;
                        queue[tail++] = j;
                    }
                }
            }
            int w = x1 - x0 + 1;
            int h = y1 - y0 + 1;
            if (tooBig || w < min || h < min || w > max || h > max || w > h * 1.3 || h > w * 1.3) {
                continue;
            }
            if (!boxEdges(px, threshold, x0, y0, x1, y1)) {
                continue;
            }
            int inset = Math.max(2, w / 5);
            int inside = 0;
            int area = 0;
            for (int y = y0 + inset; y <= y1 - inset; y++) {
                for (int x = x0 + inset; x <= x1 - inset; x++) {
                    area++;
                    if ((px[y * width + x] & 0xFF) < threshold) {
                        inside++;
                    }
                }
            }
            boolean ticked = area > 0 && inside > area * 0.08;
            ticks.add(new PageGeometry.Word(ticked ? "\u2612" : "\u2610", x0, y0, x1, y1, h * 1.2, 0.9));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    px[y * width + x] = (byte) 255;
                }
            }
        }
    }

    /** Whether the four sides of a small rectangle are (nearly) solid ink, as a drawn box's are. */
    private boolean boxEdges(byte[] px, int threshold, int x0, int y0, int x1, int y1) {
        return solid(px, threshold, x0, y0, x1, y0, true) && solid(px, threshold, x0, y1, x1, y1, true)
                && solid(px, threshold, x0, y0, x0, y1, false) && solid(px, threshold, x1, y0, x1, y1, false);
    }

    private boolean solid(byte[] px, int threshold, int xa, int ya, int xb, int yb, boolean horizontal) {
        int ink = 0;
        int total = 0;
        for (int p = horizontal ? xa : ya; p <= (horizontal ? xb : yb); p++) {
            total++;
            // the side may lie a pixel or two off the bounding box
            for (int d = -2; d <= 2; d++) {
                int x = horizontal ? p : xa + d;
                int y = horizontal ? ya + d : p;
                if (x >= 0 && y >= 0 && x < width && y < height && (px[y * width + x] & 0xFF) < threshold) {
                    ink++;
                    break;
                }
            }
        }
        return total > 0 && ink >= total * 0.85;
    }
}
