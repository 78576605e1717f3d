package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Segment;

/**
 * A scanned page prepared for OCR: straightened (scans are rarely square to the page), its table ruling lines found
 * and then erased (OCR reads a border as "|" or "_" and loses the letters beside it), and its dark heading bars
 * inverted (white text on black is read poorly). The ruling lines found give the table cells their boundaries.
 */
final class ScanImage {

    /** The straightened page with lines erased and bars inverted: what OCR reads. */
    final BufferedImage cleaned;
    final List<Segment> segments = new ArrayList<>();
    final List<Box> bars = new ArrayList<>();
    /** tick boxes found on the page, as the marks ☒ and ☐ where they stand (erased from the image OCR reads) */
    final List<PageGeometry.Word> ticks = new ArrayList<>();
    final double skewDegrees;

    private final int width;
    private final int height;

    private ScanImage(BufferedImage cleaned, double skewDegrees) {
        this.cleaned = cleaned;
        this.skewDegrees = skewDegrees;
        this.width = cleaned.getWidth();
        this.height = cleaned.getHeight();
    }

    /**
     * @param dpi the resolution of the image, for thresholds in physical sizes
     */
    static ScanImage prepare(BufferedImage source, int dpi) {
        BufferedImage gray = toGray(source);
        byte[] pixels = pixels(gray);
        int threshold = otsu(pixels);
        double angle = skew(pixels, gray.getWidth(), gray.getHeight(), threshold);
        BufferedImage straight = Math.abs(angle) >= 0.05 ? rotate(gray, -angle) : gray;
        ScanImage scan = new ScanImage(straight, angle);
        scan.findLines(dpi, threshold);
        scan.findTickBoxes(dpi, threshold);
        return scan;
    }

    static BufferedImage toGray(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return source;
        }
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return gray;
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** Otsu's threshold between ink and paper. */
    static int otsu(byte[] pixels) {
        long[] histogram = new long[256];
        for (byte p : pixels) {
            histogram[p & 0xFF]++;
        }
        long total = pixels.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += i * (double) histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += t * (double) histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double between = (double) weightBackground * weightForeground * (meanBackground - meanForeground)
                    * (meanBackground - meanForeground);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return Math.max(60, Math.min(200, threshold));
    }

    /** The angle (degrees) that makes the rows of ink sharpest: text lines and table borders run level. */
    static double skew(byte[] pixels, int w, int h, int threshold) {
        List<int[]> ink = new ArrayList<>();
        // every row (a row step would favour the level angle), every fourth column
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = (y * 7) % 4; x < w; x += 4) {
                if ((pixels[row + x] & 0xFF) < threshold) {
                    ink.add(new int[] {x, y});
                }
            }
        }
        if (ink.size() < 200) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        for (double a = -3; a <= 3.0001; a += 0.2) {
            double s = sharpness(ink, a, h, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.2; a <= coarse + 0.2001; a += 0.02) {
            double s = sharpness(ink, a, h, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }

    private static double sharpness(List<int[]> ink, double degrees, int h, int w) {
        double t = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(t) * w) + 1;
        int[] bins = new int[h + 2 * offset + 2];
        for (int[] p : ink) {
            int y = (int) Math.round(p[1] - p[0] * t) + offset;
            if (y >= 0 && y < bins.length) {
                bins[y]++;
            }
        }
        double s = 0;
        for (int b : bins) {
            s += (double) b * b;
        }
        return s;
    }

    private static BufferedImage rotate(BufferedImage gray, double degrees) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), gray.getWidth() / 2.0, gray.getHeight() / 2.0);
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return out;
    }

    // ------------------------------------------------------------------------------------------------ tick boxes

    /**
     * Small squares drawn as boxes: a tick box, ticked when there is ink inside it (a cross or a tick). OCR reads a
     * box as "O", "0", "D" or "LJ" and a ticked box as anything at all; found here, they become ☒ and ☐. A letter
     * such as O or D is not a box: its top, bottom and sides are not straight runs of ink.
     */
    private void findTickBoxes(int dpi, int threshold) {
        byte[] px = pixels(cleaned);
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

    // ------------------------------------------------------------------------------------------------ lines

    /** A run of ink along one row (or column), joined with its neighbours into a stroke. */
    private static final class Stroke {
        int from;
        int to;
        int first;
        int last;
        int lastFrom;
        int lastTo;
    }

    private void findLines(int dpi, int threshold) {
        byte[] px = pixels(cleaned);
        // borders are thin and print light: a long run of grey is a line where a short one would be noise
        int lineThreshold = Math.min(235, threshold + (255 - threshold) * 2 / 3);
        // ink that is darker than the paper (or shading) a few pixels above and below: a horizontal stroke, not
        // the middle of a line of letters on a shaded cell; likewise left and right for vertical strokes
        int side = Math.max(3, dpi / 75);
        boolean[] across = new boolean[px.length];
        boolean[] down = new boolean[px.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int v = px[i] & 0xFF;
                if (v >= lineThreshold) {
                    continue;
                }
                int up = y >= side ? px[i - side * width] & 0xFF : 255;
                int below = y + side < height ? px[i + side * width] & 0xFF : 255;
                int left = x >= side ? px[i - side] & 0xFF : 255;
                int right = x + side < width ? px[i + side] & 0xFF : 255;
                across[i] = v + 15 < up && v + 15 < below;
                down[i] = v + 15 < left && v + 15 < right;
            }
        }
        findBars(px, threshold, dpi);
        for (Box bar : bars) {
            // bars are found already; their insides are not lines
            for (int y = (int) bar.y0(); y <= (int) bar.y1(); y++) {
                java.util.Arrays.fill(across, y * width + (int) bar.x0(), y * width + (int) bar.x1() + 1, false);
                java.util.Arrays.fill(down, y * width + (int) bar.x0(), y * width + (int) bar.x1() + 1, false);
            }
            segments.add(new Segment(bar.x0(), bar.y0(), bar.x1(), bar.y0()));
            segments.add(new Segment(bar.x0(), bar.y1(), bar.x1(), bar.y1()));
            segments.add(new Segment(bar.x0(), bar.y0(), bar.x0(), bar.y1()));
            segments.add(new Segment(bar.x1(), bar.y0(), bar.x1(), bar.y1()));
        }
        int gap = Math.max(2, dpi / 60);
        int maxThin = Math.max(4, (int) Math.round(dpi * 2.2 / 72));
        // longer than any word, so that a row of letters touching one another is never taken for a border
        List<Stroke> horizontal = strokes(across, width, height, true, Math.max(60, dpi * 9 / 10), gap);
        List<Stroke> vertical = strokes(down, width, height, false, Math.max(30, (int) (dpi * 12.0 / 72)), gap);
        List<int[]> erase = new ArrayList<>();
        for (Stroke s : horizontal) {
            if (s.last - s.first + 1 <= maxThin) {
                double y = (s.first + s.last) / 2.0;
                segments.add(new Segment(s.from, y, s.to, y));
                erase.add(new int[] {s.from, s.first, s.to, s.last});
            }
        }
        for (Stroke s : vertical) {
            if (s.last - s.first + 1 <= maxThin && !insideBar(s)) {
                double x = (s.first + s.last) / 2.0;
                segments.add(new Segment(x, s.from, x, s.to));
                erase.add(new int[] {s.first, s.from, s.last, s.to});
            }
        }
        recoverPieces(px, erase, true, dpi);
        recoverPieces(px, erase, false, dpi);
        int pad = Math.max(1, dpi / 150);
        for (int[] e : erase) {
            for (int y = Math.max(0, e[1] - pad); y <= Math.min(height - 1, e[3] + pad); y++) {
                for (int x = Math.max(0, e[0] - pad); x <= Math.min(width - 1, e[2] + pad); x++) {
                    px[y * width + x] = (byte) 255;
                }
            }
        }
        for (Box bar : bars) {
            for (int y = (int) bar.y0(); y <= (int) bar.y1(); y++) {
                for (int x = (int) bar.x0(); x <= (int) bar.x1(); x++) {
                    int i = y * width + x;
                    px[i] = (byte) (255 - (px[i] & 0xFF));
                }
            }
        }
    }

    /**
     * A border printed faintly is found in pieces, and pieces shorter than a word are not trusted alone. Where a
     * border was found, shorter solid pieces on the same row (column) belong to it.
     */
    private void recoverPieces(byte[] px, List<int[]> erase, boolean rows, int dpi) {
        // where each border was found, and how far along it: pieces are looked for within that stretch only
        java.util.TreeMap<Integer, double[]> found = new java.util.TreeMap<>();
        for (Segment s : segments) {
            if (s.horizontal() == rows && !barEdge(s)) {
                int at = (int) Math.round(rows ? s.y0() : s.x0());
                // pieces a pixel or two apart are one border
                Integer near = found.floorKey(at + 3);
                if (near != null && at - near <= 3) {
                    at = near;
                }
                double lo = rows ? Math.min(s.x0(), s.x1()) : Math.min(s.y0(), s.y1());
                double hi = rows ? Math.max(s.x0(), s.x1()) : Math.max(s.y0(), s.y1());
                found.merge(at, new double[] {lo, hi}, (a, b) -> new double[] {Math.min(a[0], b[0]),
                        Math.max(a[1], b[1])});
            }
        }
        int minPiece = rows ? Math.max(12, dpi / 10) : Math.max(20, dpi / 6);
        int reach = 2;
        List<Segment> added = new ArrayList<>();
        for (java.util.Map.Entry<Integer, double[]> f : found.entrySet()) {
            int centre = f.getKey();
            // along the stretch found, out to the first crossing border on each side: a border that stops at a
            // column edge (under a merged cell) must not be continued through the merged cell's text
            int lo = (int) Math.max(0, crossing(!rows, centre, f.getValue()[0], -1));
            int hi = (int) Math.min(rows ? width - 1 : height - 1, crossing(!rows, centre, f.getValue()[1], 1));
            int length = hi + 1;
            // solid runs along one row (column) only: the bottoms of a line of letters, taken together, would
            // look solid too
            for (int d = -reach; d <= reach; d++) {
                int l = centre + d;
                if (l < 0 || l >= (rows ? height : width)) {
                    continue;
                }
                int start = -1;
                int lastInk = -1;
                int side = Math.max(3, dpi / 75);
                for (int p = lo; p <= length; p++) {
                    boolean on = p < length && darkerThanSides(px, rows, l, p, side);
                    if (on) {
                        if (start < 0) {
                            start = p;
                        }
                        lastInk = p;
                    } else if (start >= 0 && p - lastInk > 1) {
                        if (lastInk - start + 1 >= minPiece && !insideAnyBar(rows, l, start, lastInk)) {
                            added.add(rows ? new Segment(start, centre, lastInk, centre)
                                    : new Segment(centre, start, centre, lastInk));
                            erase.add(rows ? new int[] {start, l, lastInk, l} : new int[] {l, start, l, lastInk});
                        }
                        start = -1;
                    }
                }
            }
        }
        segments.addAll(added);
    }

    /**
     * A pixel of a faint ruled line is darker than the paper (or the shading) a few pixels to either side of it;
     * a pixel of shading alone is not, nor, for long, are pixels of letters.
     */
    private boolean darkerThanSides(byte[] px, boolean rows, int at, int p, int side) {
        int limit = rows ? height : width;
        if (at - side < 0 || at + side >= limit) {
            return false;
        }
        int v = px[rows ? at * width + p : p * width + at] & 0xFF;
        int before = px[rows ? (at - side) * width + p : p * width + at - side] & 0xFF;
        int after = px[rows ? (at + side) * width + p : p * width + at + side] & 0xFF;
        return v < 235 && v + 20 < before && v + 20 < after;
    }

    /**
     * The nearest border of the other direction ({@code horizontal}) that crosses the line at {@code at}, from
     * {@code from} going {@code direction}; {@code from} itself when none is within reach.
     */
    private double crossing(boolean horizontal, int at, double from, int direction) {
        double best = from;
        double bestDistance = Double.MAX_VALUE;
        for (Segment s : segments) {
            if (s.horizontal() != horizontal) {
                continue;
            }
            double position = horizontal ? s.y0() : s.x0();
            double lo = horizontal ? Math.min(s.x0(), s.x1()) : Math.min(s.y0(), s.y1());
            double hi = horizontal ? Math.max(s.x0(), s.x1()) : Math.max(s.y0(), s.y1());
            if (at < lo - 3 || at > hi + 3) {
                continue;
            }
            double distance = (position - from) * direction;
            if (distance >= -3 && distance < bestDistance) {
                bestDistance = distance;
                best = position;
            }
        }
        return best;
    }

    private boolean barEdge(Segment s) {
        for (Box b : bars) {
            boolean onEdge = s.horizontal() ? Math.abs(s.y0() - b.y0()) < 1 || Math.abs(s.y0() - b.y1()) < 1
                    : Math.abs(s.x0() - b.x0()) < 1 || Math.abs(s.x0() - b.x1()) < 1;
            if (onEdge) {
                return true;
            }
        }
        return false;
    }

    private boolean insideAnyBar(boolean rows, int centre, int from, int to) {
        for (Box b : bars) {
            if (rows && centre > b.y0() + 2 && centre < b.y1() - 2 && to > b.x0() && from < b.x1()) {
                return true;
            }
            if (!rows && centre > b.x0() + 2 && centre < b.x1() - 2 && to > b.y0() && from < b.y1()) {
                return true;
            }
        }
        return false;
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

    private boolean insideBar(Stroke s) {
        for (Box b : bars) {
            if (s.first >= b.x0() - 2 && s.last <= b.x1() + 2 && s.from >= b.y0() - 4 && s.to <= b.y1() + 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs of ink at least {@code minLength} long along rows (or columns), allowing gaps of {@code gap} pixels, and
     * joined across neighbouring rows (columns) where they overlap: each result is one drawn stroke with its length
     * ({@code from..to}) and thickness ({@code first..last}).
     */
    private static List<Stroke> strokes(boolean[] ink, int w, int h, boolean rows, int minLength, int gap) {
        int lines = rows ? h : w;
        int length = rows ? w : h;
        List<Stroke> done = new ArrayList<>();
        List<Stroke> open = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            List<int[]> runs = new ArrayList<>();
            int start = -1;
            int lastInk = -1;
            int count = 0;
            for (int p = 0; p <= length; p++) {
                boolean on = p < length && ink[rows ? l * w + p : p * w + l];
                if (on) {
                    if (start < 0) {
                        start = p;
                        count = 0;
                    }
                    lastInk = p;
                    count++;
                } else if (start >= 0 && p - lastInk > gap) {
                    // a border is nearly solid ink; a row through letters is not
                    int runLength = lastInk - start + 1;
                    if (runLength >= minLength && count >= runLength * 0.8) {
                        runs.add(new int[] {start, lastInk});
                    }
                    start = -1;
                }
            }
            List<Stroke> stillOpen = new ArrayList<>();
            boolean[] used = new boolean[runs.size()];
            for (Stroke s : open) {
                boolean continued = false;
                for (int r = 0; r < runs.size(); r++) {
                    int[] run = runs.get(r);
                    int overlap = Math.min(run[1], s.lastTo) - Math.max(run[0], s.lastFrom);
                    int shorter = Math.min(run[1] - run[0], s.lastTo - s.lastFrom);
                    if (!used[r] && overlap > shorter / 2) {
                        used[r] = true;
                        s.from = Math.min(s.from, run[0]);
                        s.to = Math.max(s.to, run[1]);
                        s.last = l;
                        s.lastFrom = run[0];
                        s.lastTo = run[1];
                        continued = true;
                        break;
                    }
                }
                (continued ? stillOpen : done).add(s);
            }
            for (int r = 0; r < runs.size(); r++) {
                if (!used[r]) {
                    Stroke s = new Stroke();
                    s.from = runs.get(r)[0];
                    s.to = runs.get(r)[1];
                    s.first = l;
                    s.last = l;
                    s.lastFrom = s.from;
                    s.lastTo = s.to;
                    stillOpen.add(s);
                }
            }
            open = stillOpen;
        }
        done.addAll(open);
        return done;
    }
}
