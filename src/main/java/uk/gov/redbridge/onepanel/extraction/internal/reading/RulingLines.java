package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Segment;

/**
 * The table ruling lines of a scanned page, found and then erased (OCR reads a border as "|" or "_" and loses the
 * letters beside it), and its dark heading bars ({@link HeadingBars}) inverted; the lines give the table cells their
 * boundaries, each bar's edges count as lines.
 */
final class RulingLines {

    private final BufferedImage cleaned;
    private final int width;
    private final int height;
    final List<Segment> segments = new ArrayList<>();
    final List<Box> bars = new ArrayList<>();

    private RulingLines(BufferedImage cleaned) {
        this.cleaned = cleaned;
        this.width = cleaned.getWidth();
        this.height = cleaned.getHeight();
    }

    /** The lines and bars of a straightened page (lines erased from it, bars inverted). */
    static RulingLines find(BufferedImage cleaned, int dpi, int threshold) {
        RulingLines found = new RulingLines(cleaned);
        found.findLines(dpi, threshold);
        return found;
    }

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
        byte[] px = Straightening.pixels(cleaned);
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
        bars.addAll(HeadingBars.find(px, width, height, threshold, dpi));
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
