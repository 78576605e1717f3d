package uk.gov.redbridge.onepanel.extraction.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;

/**
 * Extraction against the bare parse of the same file, call by call in turn, so that both see the same load: on a
 * shared machine the load changes between JMH's benchmarks, which run one after the other. Prints the medians of
 * 1000 calls each (after 500 to warm up) and their ratio. Not a test.
 */
public final class OverheadComparison {

    private OverheadComparison() {
    }

    public static void main(String[] args) throws Exception {
        SampleReferral sample = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        try (FormExtractor extractor = FormExtractor.standalone(Map.of("onepanel.extraction.isolation.enabled",
                "false"))) {
            compare("Word (official tables), POI text", "form.docx", FormDocuments.officialTables(sample), extractor,
                    OverheadComparison::poi);
            compare("text PDF (ruled tables), PDFBox text", "form.pdf", FormPdfs.ruledTable(sample), extractor,
                    OverheadComparison::pdfBox);
        }
    }

    interface Parse {
        void run(byte[] file) throws Exception;
    }

    private static void compare(String what, String name, byte[] file, FormExtractor extractor, Parse bare)
            throws Exception {
        List<Long> parse = new ArrayList<>();
        List<Long> extract = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            long a = System.nanoTime();
            bare.run(file);
            long b = System.nanoTime();
            extractor.extract(name, file);
            long c = System.nanoTime();
            if (i >= 500) {
                parse.add(b - a);
                extract.add(c - b);
            }
        }
        Collections.sort(parse);
        Collections.sort(extract);
        double p = parse.get(parse.size() / 2) / 1e6;
        double e = extract.get(extract.size() / 2) / 1e6;
        System.out.printf("%s: bare parse %.2f ms, extraction %.2f ms (medians), %.2fx%n", what, p, e, e / p);
    }

    private static void poi(byte[] docx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx)); XWPFDocument d = new XWPFDocument(pkg);
                XWPFWordExtractor text = new XWPFWordExtractor(d)) {
            text.getText();
        }
    }

    private static void pdfBox(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            new PDFTextStripper().getText(d);
        }
    }
}
