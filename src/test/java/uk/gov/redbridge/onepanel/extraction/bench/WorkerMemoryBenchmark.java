package uk.gov.redbridge.onepanel.extraction.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.IsolatedParser;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.WorkerOptions;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * What one parsing worker costs over many documents: its resident memory (VmRSS and VmHWM from /proc) and the median
 * parse time, every {@code step} documents, through a single worker that is never replaced. This is what the
 * service's {@code documents-per-worker} is chosen from: if memory and time stay flat, parser state does not build
 * up and a worker can serve many more documents before it is replaced. Not a test; Linux only.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     uk.gov.redbridge.onepanel.extraction.bench.WorkerMemoryBenchmark [documents] [step] [heap MB]
 * </pre>
 */
public final class WorkerMemoryBenchmark {

    private WorkerMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int heap = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        List<Object[]> mix = mix();
        WorkerOptions options = new WorkerOptions(1, heap, Duration.ofSeconds(120), Integer.MAX_VALUE,
                Duration.ofSeconds(120), true);
        long begin = System.nanoTime();
        try (IsolatedParser parser = new IsolatedParser(ReadingLimits.defaults(), options)) {
            while (parser.readyWorkerPids().isEmpty()) {
                Thread.sleep(20);
            }
            long pid = parser.workerPids().get(0);
            System.out.printf("worker %d started and warm after %d ms: VmRSS %d MB%n", pid,
                    (System.nanoTime() - begin) / 1_000_000, kilobytes(pid, "VmRSS") / 1024);
            System.out.println("documents  VmRSS MB  VmHWM MB  median ms  p90 ms");
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= documents; i++) {
                Object[] doc = mix.get(i % mix.size());
                long a = System.nanoTime();
                try {
                    parser.parse((String) doc[0], (byte[]) doc[1]);
                } catch (ReadFailure f) {
                    throw new IllegalStateException(doc[0] + ": " + f.reason(), f);
                }
                times.add(System.nanoTime() - a);
                if (i % step == 0 || i == 1) {
                    Collections.sort(times);
                    System.out.printf("%9d  %8d  %8d  %9.1f  %6.1f%n", i, kilobytes(pid, "VmRSS") / 1024,
                            kilobytes(pid, "VmHWM") / 1024, times.get(times.size() / 2) / 1e6,
                            times.get(times.size() * 9 / 10) / 1e6);
                    times.clear();
                }
            }
            if (!parser.workerPids().equals(List.of(pid))) {
                throw new IllegalStateException("the worker was replaced during the run");
            }
        }
    }

    /** The documents referrals come in, two invented cases in two wordings each. */
    static List<Object[]> mix() {
        List<Object[]> out = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            for (Wording wording : Wording.values()) {
                SampleReferral r = SampleReferral.of(variant, wording, DateStyle.values()[variant]);
                out.add(new Object[] {"form.docx", FormDocuments.officialTables(r)});
                out.add(new Object[] {"form.docx", FormDocuments.contentControls(r)});
                out.add(new Object[] {"form.docx", FormDocuments.legacyFormFields(r)});
                out.add(new Object[] {"form.docx", FormDocuments.labelsOverAnswers(r)});
                out.add(new Object[] {"form.pdf", FormPdfs.ruledTable(r)});
                out.add(new Object[] {"form.pdf", FormPdfs.plainLines(r)});
                out.add(new Object[] {"form.pdf", FormPdfs.fillableForm(r)});
                out.add(new Object[] {"body.txt", bodyText(r).getBytes(StandardCharsets.UTF_8)});
            }
        }
        return out;
    }

    static String bodyText(SampleReferral r) {
        return r.asText();
    }

    static long kilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
