package uk.gov.redbridge.onepanel.extraction.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.Tika;
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
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;

/**
 * Extraction of a typical Appendix E form (a Word document in the official layout; the same form as a text PDF),
 * warm, against the bare parse of the same file by POI, PDFBox and Tika. {@code inProcess*} is the extraction work
 * itself (parse, locate, normalise); {@code isolated*} adds the round trip to a parsing worker process, which is how
 * the service and the command line run. Sample time: read the p0.50 row for the median. Not a test: run it with
 * the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ExtractionBenchmark {

    private byte[] docx;
    private byte[] pdf;
    private FormExtractor inProcess;
    private FormExtractor isolated;
    private Tika tika;

    @Setup(Level.Trial)
    public void setUp() {
        SampleReferral sample = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        docx = FormDocuments.officialTables(sample);
        pdf = FormPdfs.ruledTable(sample);
        inProcess = FormExtractor.standalone(Map.of("onepanel.extraction.isolation.enabled", "false"));
        // one warm worker for the whole run: the service replaces a worker after 100 documents, and a new JVM's first
        // documents are slow; that cost shows in the tail (p0.99), not in the steady state measured here
        isolated = FormExtractor.standalone(Map.of("onepanel.extraction.isolation.workers", "1",
                "onepanel.extraction.isolation.documents-per-worker", "1000000"));
        tika = new Tika();
        // a worker is started on first use: start it before measuring
        check(isolated.extract("form.docx", docx));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        isolated.close();
    }

    @Benchmark
    public ExtractionResult inProcessDocx() {
        return check(inProcess.extract("form.docx", docx));
    }

    @Benchmark
    public ExtractionResult isolatedDocx() {
        return check(isolated.extract("form.docx", docx));
    }

    @Benchmark
    public String barePoiDocx() throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx));
                XWPFDocument d = new XWPFDocument(pkg); XWPFWordExtractor text = new XWPFWordExtractor(d)) {
            return text.getText();
        }
    }

    @Benchmark
    public String bareTikaDocx() throws Exception {
        return tika.parseToString(new ByteArrayInputStream(docx));
    }

    @Benchmark
    public ExtractionResult inProcessPdf() {
        return check(inProcess.extract("form.pdf", pdf));
    }

    @Benchmark
    public ExtractionResult isolatedPdf() {
        return check(isolated.extract("form.pdf", pdf));
    }

    @Benchmark
    public String barePdfBoxPdf() throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Benchmark
    public String bareTikaPdf() throws Exception {
        return tika.parseToString(new ByteArrayInputStream(pdf));
    }

    static ExtractionResult check(ExtractionResult r) {
        if (!(r instanceof FormExtracted)) {
            throw new IllegalStateException("the benchmark form was not read: " + r);
        }
        return r;
    }
}
