package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Word;

/**
 * Reads a scanned page through Tesseract (Tika's {@link TesseractOCRParser}, hOCR output for word positions) and
 * rebuilds its table cells from the ruling lines found in the image. Without Tesseract, scans cannot be read and the
 * caller reports {@code needs_ocr}.
 */
final class ScanReader {

    private static final Pattern BBOX = Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+)");
    private static final Pattern CONFIDENCE = Pattern.compile("x_wconf (\\d+)");
    private static final Pattern LINE_SIZE = Pattern.compile("x_size ([0-9.]+)");
    /** what is left of a table border or a speck: no letters or digits */
    private static final Pattern DEBRIS = Pattern.compile("^[^\\p{L}\\p{N}]+$");
    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private final ReadingLimits limits;

    ScanReader(ReadingLimits limits) {
        this.limits = limits;
    }

    /** Whether OCR is switched on and Tesseract can be found. */
    boolean available() {
        if (!limits.ocr().enabled()) {
            return false;
        }
        return AVAILABLE.computeIfAbsent(limits.ocr().tesseract(), path -> {
            try {
                return parser().hasTesseract();
            } catch (TikaConfigException | RuntimeException e) {
                return false;
            }
        });
    }

    private TesseractOCRParser parser() {
        TesseractOCRParser parser = new TesseractOCRParser();
        String path = limits.ocr().tesseract();
        if (path != null && !path.isBlank() && !path.equals("tesseract")) {
            // Tika wants the folder that holds the program
            File f = new File(path);
            parser.setTesseractPath(f.isDirectory() ? f.getPath() : f.getParent() == null ? path : f.getParent());
        }
        return parser;
    }

    /** The paragraphs and tables of one scanned page. */
    List<Block> read(BufferedImage image, int page, int dpi) throws ReadFailure {
        ScanImage scan = ScanImage.prepare(image, dpi);
        List<Word> words = new ArrayList<>(ocr(scan.cleaned));
        words.addAll(scan.ticks);
        return new PageAssembler(page, 72.0 / dpi, words, scan.segments, scan.bars).assemble();
    }

    private List<Word> ocr(BufferedImage image) throws ReadFailure {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
        config.setLanguage(limits.ocr().language());
        config.setPageSegMode("11");
        config.setTimeoutSeconds(limits.ocr().timeoutSeconds());
        config.setEnableImagePreprocessing(false);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        HocrWords handler = new HocrWords();
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, "image/png");
        try (InputStream in = new ByteArrayInputStream(png(image))) {
            parser().parse(in, handler, metadata, context);
        } catch (TikaException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("timeout") || m.contains("timed out")) {
                throw new ReadFailure(FailureReason.TIMEOUT, "reading the scan by OCR took longer than allowed");
            }
            throw new ReadFailure(FailureReason.CORRUPT, "the scan could not be read by OCR");
        } catch (IOException | SAXException e) {
            throw new ReadFailure(FailureReason.CORRUPT, "the scan could not be read by OCR");
        }
        return handler.words;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** Words with their boxes and confidences from Tesseract's hOCR. */
    private static final class HocrWords extends DefaultHandler {
        final List<Word> words = new ArrayList<>();
        private StringBuilder text;
        private String title;
        private double lineSize = 30;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            String cls = atts.getValue("class");
            if (cls == null) {
                return;
            }
            if (cls.equals("ocr_line") || cls.equals("ocr_header") || cls.equals("ocr_caption")
                    || cls.equals("ocr_textfloat")) {
                Matcher m = LINE_SIZE.matcher(String.valueOf(atts.getValue("title")));
                if (m.find()) {
                    lineSize = Double.parseDouble(m.group(1));
                }
            } else if (cls.equals("ocrx_word")) {
                text = new StringBuilder();
                title = atts.getValue("title");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (text == null || !"span".equalsIgnoreCase(localName.isEmpty() ? qName : localName)) {
                return;
            }
            String t = text.toString().strip();
            text = null;
            Matcher box = BBOX.matcher(String.valueOf(title));
            if (t.isEmpty() || !box.find()) {
                return;
            }
            Matcher conf = CONFIDENCE.matcher(title);
            double confidence = conf.find() ? Integer.parseInt(conf.group(1)) / 100.0 : 0.5;
            if (DEBRIS.matcher(t).matches() && (confidence < 0.6 || t.matches("[|_\\-—=~]+"))) {
                return;
            }
            // a capital I at the start of a word is often read as a bar ("|G2 6EF")
            t = t.replaceFirst("^\\|(?=[\\p{Lu}\\d])", "I");
            words.add(new Word(t, Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)),
                    Integer.parseInt(box.group(3)), Integer.parseInt(box.group(4)), lineSize * 0.8,
                    Math.max(0.05, Math.min(0.99, confidence))));
        }
    }
}
