package uk.gov.redbridge.onepanel.extraction.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import uk.gov.redbridge.onepanel.extraction.DocumentCheck;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;

/**
 * The check a document added by hand goes through before it is kept ({@code FormExtractor.check}), in a warm parsing
 * worker as the service runs it: a long chronology as a text PDF, a scan (kept without OCR), a Word letter. The
 * secretariat waits for it on the upload page. Not a test: run it with the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DocumentCheckBenchmark {

    private byte[] chronology;
    private byte[] scan;
    private byte[] letter;
    private FormExtractor isolated;

    @Setup(Level.Trial)
    public void setUp() {
        chronology = FormPdfs.chronology(200);
        SampleReferral sample = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        scan = FormPdfs.scanned(FormPdfs.ruledTable(sample), 0.5, 200);
        WordDocument word = new WordDocument().heading("Letter from the GP practice");
        for (int i = 0; i < 40; i++) {
            word.paragraph("Paragraph " + i + ": the patient attended the surgery and was seen by the duty doctor.");
        }
        letter = word.bytes();
        isolated = FormExtractor.standalone(Map.of("onepanel.extraction.isolation.workers", "1",
                "onepanel.extraction.isolation.documents-per-worker", "1000000"));
        accepted(isolated.check("letter.docx", letter));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        isolated.close();
    }

    @Benchmark
    public DocumentCheck chronologyPdf200Pages() {
        return accepted(isolated.check("chronology.pdf", chronology));
    }

    @Benchmark
    public DocumentCheck scannedPdf() {
        return accepted(isolated.check("scan.pdf", scan));
    }

    @Benchmark
    public DocumentCheck wordLetter() {
        return accepted(isolated.check("letter.docx", letter));
    }

    private static DocumentCheck accepted(DocumentCheck check) {
        if (!check.accepted()) {
            throw new IllegalStateException("refused: " + check.reason());
        }
        return check;
    }
}
