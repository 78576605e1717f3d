package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Segment;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Word;

/**
 * Reads one PDF page's words (from glyph positions), ruling lines and boxes (from its vector graphics), and how much
 * of it is covered by images (a scan is one big image and no text).
 */
final class PdfPageScanner {

    record PageContent(List<Word> words, List<Segment> segments, List<Box> boxes, double imageCoverage,
            int characters) {
    }

    private PdfPageScanner() {
    }

    static PageContent scan(PDDocument document, int pageIndex) throws IOException {
        PDPage page = document.getPage(pageIndex);
        PDRectangle crop = page.getCropBox();
        Glyphs glyphs = new Glyphs();
        glyphs.setStartPage(pageIndex + 1);
        glyphs.setEndPage(pageIndex + 1);
        glyphs.setSortByPosition(false);
        glyphs.writeText(document, new StringWriter());
        Graphics graphics = new Graphics(page, crop);
        graphics.processPage(page);
        double pageArea = crop.getWidth() * crop.getHeight();
        return new PageContent(words(glyphs.positions), graphics.segments, graphics.boxes,
                pageArea <= 0 ? 0 : Math.min(1, graphics.imageArea / pageArea), glyphs.characters);
    }

    /** Collects every glyph with its position. */
    private static final class Glyphs extends PDFTextStripper {
        final List<TextPosition> positions = new ArrayList<>();
        int characters;

        @Override
        protected void processTextPosition(TextPosition text) {
            // horizontal text only: a vertical label in a margin is never an answer
            if (text.getDir() != 0 && text.getDir() != 360) {
                return;
            }
            String u = text.getUnicode();
            if (u == null || u.isEmpty()) {
                return;
            }
            if (!u.isBlank()) {
                characters++;
            }
            positions.add(text);
        }
    }

    /** Glyphs grouped into words: by baseline, then split at spaces and at gaps wider than a narrow space. */
    static List<Word> words(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> lines = new ArrayList<>();
        List<TextPosition> line = null;
        double lineY = 0;
        for (TextPosition t : sorted) {
            double size = size(t);
            if (line == null || Math.abs(t.getYDirAdj() - lineY) > Math.max(1.0, size * 0.3)) {
                line = new ArrayList<>();
                lines.add(line);
                lineY = t.getYDirAdj();
            }
            line.add(t);
        }
        List<Word> words = new ArrayList<>();
        for (List<TextPosition> l : lines) {
            l.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            StringBuilder text = new StringBuilder();
            double x0 = 0;
            double x1 = 0;
            double baseline = 0;
            double size = 0;
            TextPosition previous = null;
            for (TextPosition t : l) {
                String u = t.getUnicode();
                double tx0 = t.getXDirAdj();
                double tx1 = tx0 + Math.max(t.getWidthDirAdj(), 0.1);
                if (previous != null && u.equals(previous.getUnicode())
                        && Math.abs(tx0 - previous.getXDirAdj()) < 0.5) {
                    // the same glyph drawn twice (fake bold): once is enough
                    continue;
                }
                boolean space = u.isBlank();
                boolean gap = !text.isEmpty() && tx0 - x1 > size(t) * 0.18;
                if ((space || gap) && !text.isEmpty()) {
                    words.add(word(text.toString(), x0, x1, baseline, size));
                    text.setLength(0);
                }
                if (!space) {
                    if (text.isEmpty()) {
                        x0 = tx0;
                        baseline = t.getYDirAdj();
                        size = size(t);
                    }
                    text.append(u);
                    x1 = tx1;
                    size = Math.max(size, size(t));
                }
                previous = t;
            }
            if (!text.isEmpty()) {
                words.add(word(text.toString(), x0, x1, baseline, size));
            }
        }
        return words;
    }

    private static Word word(String text, double x0, double x1, double baseline, double size) {
        return new Word(text, x0, baseline - size * 0.75, x1, baseline + size * 0.22, size, 1.0);
    }

    private static double size(TextPosition t) {
        double s = t.getFontSizeInPt();
        if (s <= 0.5 || s > 200) {
            s = t.getHeightDir() > 0 ? t.getHeightDir() * 1.4 : 10;
        }
        return s;
    }

    /** Collects ruling lines, boxes and image areas from the page's drawing operations. */
    private static final class Graphics extends PDFGraphicsStreamEngine {
        final List<Segment> segments = new ArrayList<>();
        final List<Box> boxes = new ArrayList<>();
        double imageArea;
        private final PDRectangle crop;
        private final List<double[]> rectangles = new ArrayList<>();
        private final List<List<Point2D>> polylines = new ArrayList<>();
        private List<Point2D> current;
        private Point2D point = new Point2D.Double();

        Graphics(PDPage page, PDRectangle crop) {
            super(page);
            this.crop = crop;
        }

        private double x(double ux) {
            return ux - crop.getLowerLeftX();
        }

        private double y(double uy) {
            return crop.getUpperRightY() - uy;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            double xa = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double xb = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double ya = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double yb = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            rectangles.add(new double[] {x(xa), y(yb), x(xb), y(ya)});
            current = null;
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            imageArea += Math.abs(m.getScalingFactorX() * m.getScalingFactorY());
        }

        @Override
        public void clip(int windingRule) {
            // the path that follows is painted or ended; clipping changes nothing we read
        }

        @Override
        public void moveTo(float px, float py) {
            current = new ArrayList<>();
            current.add(new Point2D.Double(px, py));
            polylines.add(current);
            point = new Point2D.Double(px, py);
        }

        @Override
        public void lineTo(float px, float py) {
            if (current == null) {
                moveTo((float) point.getX(), (float) point.getY());
            }
            current.add(new Point2D.Double(px, py));
            point = new Point2D.Double(px, py);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            // curves (rounded corners, logos) are not table borders; break the polyline
            current = null;
            point = new Point2D.Double(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return point;
        }

        @Override
        public void closePath() {
            if (current != null && current.size() > 1) {
                current.add(current.get(0));
            }
        }

        @Override
        public void endPath() {
            reset();
        }

        @Override
        public void strokePath() throws IOException {
            paint(true, false);
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            paint(false, true);
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            paint(true, true);
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // gradients: decoration
        }

        private void paint(boolean stroke, boolean fill) throws IOException {
            String fillColour = fill ? colour(getGraphicsState().getNonStrokingColor()) : null;
            for (double[] r : rectangles) {
                double w = r[2] - r[0];
                double h = r[3] - r[1];
                if (Math.min(w, h) <= 2.5) {
                    // a thin filled rectangle is how many producers draw a ruling line
                    segments.add(w >= h ? new Segment(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2)
                            : new Segment((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]));
                } else {
                    edges(r);
                    boxes.add(new Box(r[0], r[1], r[2], r[3], fillColour, null, null));
                }
            }
            for (List<Point2D> poly : polylines) {
                if (poly.size() < 2) {
                    continue;
                }
                int axisAligned = 0;
                double xa = Double.MAX_VALUE;
                double ya = Double.MAX_VALUE;
                double xb = -Double.MAX_VALUE;
                double yb = -Double.MAX_VALUE;
                for (int i = 1; i < poly.size(); i++) {
                    Point2D a = poly.get(i - 1);
                    Point2D b = poly.get(i);
                    double dx = Math.abs(a.getX() - b.getX());
                    double dy = Math.abs(a.getY() - b.getY());
                    if (dx < 1 || dy < 1) {
                        axisAligned++;
                        if (stroke || fill) {
                            segments.add(new Segment(x(a.getX()), y(a.getY()), x(b.getX()), y(b.getY())));
                        }
                    }
                }
                for (Point2D p : poly) {
                    xa = Math.min(xa, p.getX());
                    xb = Math.max(xb, p.getX());
                    ya = Math.min(ya, p.getY());
                    yb = Math.max(yb, p.getY());
                }
                // a box drawn as three or four sides (some producers leave one side open)
                if (axisAligned >= 3 && xb - xa > 6 && yb - ya > 6) {
                    boxes.add(new Box(x(xa), y(yb), x(xb), y(ya), fillColour, null, null));
                }
            }
            reset();
        }

        private void edges(double[] r) {
            segments.add(new Segment(r[0], r[1], r[2], r[1]));
            segments.add(new Segment(r[0], r[3], r[2], r[3]));
            segments.add(new Segment(r[0], r[1], r[0], r[3]));
            segments.add(new Segment(r[2], r[1], r[2], r[3]));
        }

        private void reset() {
            rectangles.clear();
            polylines.clear();
            current = null;
        }

        private static String colour(PDColor c) {
            try {
                int rgb = c == null ? 0xFFFFFF : c.toRGB();
                return PageAssembler.colour(new float[] {((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f,
                        (rgb & 0xFF) / 255f});
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
