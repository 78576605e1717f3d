package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
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
        OnePass pass = new OnePass(crop);
        pass.setStartPage(pageIndex + 1);
        pass.setEndPage(pageIndex + 1);
        pass.setSortByPosition(false);
        pass.writeText(document, new StringWriter());
        double pageArea = crop.getWidth() * crop.getHeight();
        return new PageContent(words(pass.positions), pass.graphics.segments, pass.graphics.boxes,
                pageArea <= 0 ? 0 : Math.min(1, pass.graphics.imageArea / pageArea), pass.characters);
    }

    /**
     * One pass over the page's content: the text stripper's glyph positions, and the drawing operators (paths,
     * colours, images) that the text stripper alone would skip, so that the content is parsed once.
     */
    private static final class OnePass extends PDFTextStripper {
        final List<TextPosition> positions = new ArrayList<>();
        final Graphics graphics;
        int characters;

        OnePass(PDRectangle crop) {
            graphics = new Graphics(crop);
            for (String op : new String[] {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*",
                "b", "b*", "n"}) {
                addOperator(new PathOperator(this, op));
            }
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
            addOperator(new ImageOrForm(this));
        }

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

        Point2D device(float x, float y) {
            return getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        }
    }

    /** Path construction and painting, handed to {@link Graphics} in device space. */
    private static final class PathOperator extends OperatorProcessor {
        private final OnePass pass;
        private final String name;

        PathOperator(OnePass pass, String name) {
            super(pass);
            this.pass = pass;
            this.name = name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            Graphics g = pass.graphics;
            switch (name) {
                case "m" -> {
                    if (numbers(operands, 2)) {
                        Point2D p = pass.device(number(operands, 0), number(operands, 1));
                        g.moveTo(p);
                    }
                }
                case "l" -> {
                    if (numbers(operands, 2)) {
                        g.lineTo(pass.device(number(operands, 0), number(operands, 1)));
                    }
                }
                case "c", "v", "y" -> {
                    int n = name.equals("c") ? 6 : 4;
                    if (numbers(operands, n)) {
                        g.curveTo(pass.device(number(operands, n - 2), number(operands, n - 1)));
                    }
                }
                case "h" -> g.closePath();
                case "re" -> {
                    if (numbers(operands, 4)) {
                        float x = number(operands, 0);
                        float y = number(operands, 1);
                        float w = number(operands, 2);
                        float h = number(operands, 3);
                        g.appendRectangle(pass.device(x, y), pass.device(x + w, y), pass.device(x + w, y + h),
                                pass.device(x, y + h));
                    }
                }
                case "S" -> g.paint(true, false, null);
                case "s" -> {
                    g.closePath();
                    g.paint(true, false, null);
                }
                case "f", "F", "f*" -> g.paint(false, true, pass.getGraphicsState().getNonStrokingColor());
                case "B", "B*" -> g.paint(true, true, pass.getGraphicsState().getNonStrokingColor());
                case "b", "b*" -> {
                    g.closePath();
                    g.paint(true, true, pass.getGraphicsState().getNonStrokingColor());
                }
                case "n" -> g.reset();
                default -> {
                    // not a path operator
                }
            }
        }

        private static boolean numbers(List<COSBase> operands, int n) {
            if (operands.size() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!(operands.get(i) instanceof COSNumber)) {
                    return false;
                }
            }
            return true;
        }

        private static float number(List<COSBase> operands, int i) {
            return ((COSNumber) operands.get(i)).floatValue();
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** {@code Do}: an image adds to the covered area (a scan is one big image); a form is read as usual. */
    private static final class ImageOrForm extends OperatorProcessor {
        private final OnePass pass;
        private final DrawObject forms;

        ImageOrForm(OnePass pass) {
            super(pass);
            this.pass = pass;
            this.forms = new DrawObject(pass);
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            if (!operands.isEmpty() && operands.get(0) instanceof COSName name) {
                PDResources resources = pass.getResources();
                if (resources != null && resources.isImageXObject(name)) {
                    Matrix m = pass.getGraphicsState().getCurrentTransformationMatrix();
                    pass.graphics.imageArea += Math.abs(m.getScalingFactorX() * m.getScalingFactorY());
                    return;
                }
            }
            forms.process(operator, operands);
        }

        @Override
        public String getName() {
            return "Do";
        }
    }

    /** Glyphs grouped into words: by baseline, then split at spaces and at gaps wider than a narrow space. */
    static List<Word> words(List<TextPosition> glyphs) {
        // positions read once: TextPosition computes them on every call
        int n = glyphs.size();
        Glyph[] sorted = new Glyph[n];
        for (int i = 0; i < n; i++) {
            TextPosition t = glyphs.get(i);
            sorted[i] = new Glyph(t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), Math.max(t.getWidthDirAdj(), 0.1),
                    size(t));
        }
        java.util.Arrays.sort(sorted, Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = null;
        double lineY = 0;
        for (Glyph g : sorted) {
            if (line == null || Math.abs(g.y() - lineY) > Math.max(1.0, g.size() * 0.3)) {
                line = new ArrayList<>();
                lines.add(line);
                lineY = g.y();
            }
            line.add(g);
        }
        List<Word> words = new ArrayList<>();
        for (List<Glyph> l : lines) {
            l.sort(Comparator.comparingDouble(Glyph::x));
            StringBuilder text = new StringBuilder();
            double x0 = 0;
            double x1 = 0;
            double baseline = 0;
            double size = 0;
            Glyph previous = null;
            for (Glyph g : l) {
                String u = g.unicode();
                if (previous != null && u.equals(previous.unicode()) && Math.abs(g.x() - previous.x()) < 0.5) {
                    // the same glyph drawn twice (fake bold): once is enough
                    continue;
                }
                boolean space = u.isBlank();
                boolean gap = !text.isEmpty() && g.x() - x1 > g.size() * 0.18;
                if ((space || gap) && !text.isEmpty()) {
                    words.add(word(text.toString(), x0, x1, baseline, size));
                    text.setLength(0);
                }
                if (!space) {
                    if (text.isEmpty()) {
                        x0 = g.x();
                        baseline = g.y();
                        size = g.size();
                    }
                    text.append(u);
                    x1 = g.x() + g.width();
                    size = Math.max(size, g.size());
                }
                previous = g;
            }
            if (!text.isEmpty()) {
                words.add(word(text.toString(), x0, x1, baseline, size));
            }
        }
        return words;
    }

    private record Glyph(String unicode, double x, double y, double width, double size) {
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
    private static final class Graphics {
        final List<Segment> segments = new ArrayList<>();
        final List<Box> boxes = new ArrayList<>();
        double imageArea;
        private final PDRectangle crop;
        private final List<double[]> rectangles = new ArrayList<>();
        private final List<List<Point2D>> polylines = new ArrayList<>();
        private List<Point2D> current;
        private Point2D point = new Point2D.Double();

        Graphics(PDRectangle crop) {
            this.crop = crop;
        }

        private double x(double ux) {
            return ux - crop.getLowerLeftX();
        }

        private double y(double uy) {
            return crop.getUpperRightY() - uy;
        }

        void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            double xa = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double xb = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double ya = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double yb = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            rectangles.add(new double[] {x(xa), y(yb), x(xb), y(ya)});
            current = null;
            point = p0;
        }

        void moveTo(Point2D p) {
            current = new ArrayList<>();
            current.add(p);
            polylines.add(current);
            point = p;
        }

        void lineTo(Point2D p) {
            if (current == null) {
                moveTo(point);
            }
            current.add(p);
            point = p;
        }

        /** Curves (rounded corners, logos) are not table borders: they break the polyline. */
        void curveTo(Point2D end) {
            current = null;
            point = end;
        }

        void closePath() {
            if (current != null && current.size() > 1) {
                current.add(current.get(0));
            }
        }

        void paint(boolean stroke, boolean fill, PDColor colour) {
            String fillColour = fill ? colour(colour) : null;
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
                    if (Math.abs(a.getX() - b.getX()) < 1 || Math.abs(a.getY() - b.getY()) < 1) {
                        axisAligned++;
                        segments.add(new Segment(x(a.getX()), y(a.getY()), x(b.getX()), y(b.getY())));
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

        void reset() {
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
