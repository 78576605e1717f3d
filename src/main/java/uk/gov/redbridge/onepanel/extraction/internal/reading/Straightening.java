package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * The first detector of a scanned page: where ink ends and paper begins (Otsu's threshold), and the small angle the
 * page was scanned at (scans are rarely square to the page), to straighten it before the others look for lines,
 * bars and tick boxes.
 */
final class Straightening {

    private Straightening() {
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

    static byte[] pixels(BufferedImage gray) {
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

    static BufferedImage rotate(BufferedImage gray, double degrees) {
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
}
