package uk.gov.redbridge.onepanel.extraction.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;

/**
 * OCR of a one-page scan (200 dpi, turned a degree, no text layer) through the parsing worker as the service reads
 * it, against Tesseract alone (through Tika) on the same page rendered at the same resolution. Each call is seconds
 * long: single-shot times. Needs {@code tesseract} on the PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class OcrBenchmark {

    private byte[] scan;
    private byte[] pagePng;
    private FormExtractor isolated;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SampleReferral sample = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        byte[] twoPages = FormPdfs.scanned(FormPdfs.ruledTable(sample), 1.0, 200);
        try (PDDocument d = Loader.loadPDF(twoPages); PDDocument first = new PDDocument()) {
            first.importPage(d.getPage(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            first.save(out);
            scan = out.toByteArray();
            BufferedImage image = new PDFRenderer(d).renderImageWithDPI(0, 300, ImageType.GRAY);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            pagePng = png.toByteArray();
        }
        isolated = FormExtractor.standalone(Map.of("onepanel.extraction.isolation.workers", "1"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        isolated.close();
    }

    @Benchmark
    public ExtractionResult isolatedScanPage() {
        return isolated.extract("scan.pdf", scan);
    }

    /** Tesseract alone, as Tika runs it by default (its own threads), on the page at 300 dpi. */
    @Benchmark
    public String bareTesseractPage() throws Exception {
        TesseractOCRConfig config = new TesseractOCRConfig();
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        new TesseractOCRParser().parse(new ByteArrayInputStream(pagePng), handler, metadata, context);
        return handler.toString();
    }
}
