package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDChoice;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Box;
import uk.gov.redbridge.onepanel.extraction.internal.reading.PageGeometry.Word;

/**
 * Reads a PDF: text pages by the positions of their words, ruling lines and boxes; fillable forms by placing each
 * field's value where its widget is, so that it is read against the visible label beside it (field names are
 * arbitrary); scanned pages by OCR. The PDF is loaded with a temp-file stream cache so that a huge stream does not
 * fill the heap, and a user password is never guessed.
 */
final class PdfReader {

    private final ReadingLimits limits;

    PdfReader(ReadingLimits limits) {
        this.limits = limits;
    }

    /** @param checked called once the page count is known to be within the limit, before any page is read */
    DocumentLayout read(byte[] content, Runnable checked) throws ReadFailure {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new ReadFailure(FailureReason.TOO_LARGE, "the PDF has more than " + limits.maxPages() + " pages");
            }
            if (pages == 0) {
                throw new ReadFailure(FailureReason.EMPTY, "the PDF has no pages");
            }
            checked.run();
            Map<COSDictionary, Box> widgets = widgets(document);
            List<Block> blocks = new ArrayList<>();
            List<Integer> scanned = new ArrayList<>();
            int characters = 0;
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                PdfPageScanner.PageContent c = PdfPageScanner.scan(document, i);
                List<Box> boxes = new ArrayList<>(c.boxes());
                List<Word> words = new ArrayList<>(c.words());
                int pageWidgets = 0;
                for (PDAnnotation a : page.getAnnotations()) {
                    Box w = widgets.get(a.getCOSObject());
                    if (w == null) {
                        continue;
                    }
                    pageWidgets++;
                    if (w.value() != null && (w.value().equals(DocxReader.CHECKED)
                            || w.value().equals(DocxReader.UNCHECKED))) {
                        // a check box reads as a mark in the line beside its label
                        words.add(new Word(w.value(), w.x0(), w.y0(), w.x1(), w.y1(), w.y1() - w.y0(), 1.0));
                    } else {
                        boxes.add(w);
                    }
                }
                characters += c.characters();
                if (c.characters() < 10 && pageWidgets == 0 && c.imageCoverage() > 0.3) {
                    scanned.add(i);
                    blocks.add(null);
                    continue;
                }
                int first = blocks.size();
                blocks.addAll(new PageAssembler(i + 1, 1.0, words, c.segments(), boxes).assemble());
                PageAssembler.joinAcrossPages(blocks, first);
            }
            boolean ocr = false;
            if (!scanned.isEmpty()) {
                ocr = readScans(document, scanned, blocks, characters);
            }
            blocks.removeIf(b -> b == null);
            if (blocks.isEmpty() && characters == 0 && scanned.isEmpty()) {
                throw new ReadFailure(FailureReason.EMPTY, "the PDF contains no text");
            }
            return new DocumentLayout(ocr ? "scan" : "pdf", pages, ocr, blocks);
        } catch (InvalidPasswordException e) {
            throw new ReadFailure(FailureReason.ENCRYPTED, "the PDF is password-protected");
        } catch (ReadFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Failures.classify(e, "PDF");
        }
    }

    /** Replaces the placeholders of scanned pages with what OCR reads on them. */
    private boolean readScans(PDDocument document, List<Integer> scanned, List<Block> blocks, int textCharacters)
            throws ReadFailure, IOException {
        ScanReader scans = new ScanReader(limits);
        if (!scans.available()) {
            if (textCharacters < 50) {
                throw new ReadFailure(FailureReason.NEEDS_OCR, "the PDF is a scan with no text layer, and no OCR"
                        + " engine is available");
            }
            return false;
        }
        if (scanned.size() > limits.ocr().maxPages()) {
            throw new ReadFailure(FailureReason.TOO_LARGE, "the scanned PDF has more than " + limits.ocr().maxPages()
                    + " pages to read by OCR");
        }
        PDFRenderer renderer = new PDFRenderer(document);
        // pages are rebuilt in order: collect each page's blocks, then splice them in
        List<Block> rebuilt = new ArrayList<>();
        int pageIndex = 0;
        int page = 0;
        for (Block b : blocks) {
            if (b != null) {
                rebuilt.add(b);
                continue;
            }
            int index = scanned.get(pageIndex++);
            page = index + 1;
            BufferedImage image = renderer.renderImageWithDPI(index, limits.ocr().dpi(), ImageType.GRAY);
            int first = rebuilt.size();
            rebuilt.addAll(scans.read(image, page, limits.ocr().dpi()));
            PageAssembler.joinAcrossPages(rebuilt, first);
        }
        blocks.clear();
        blocks.addAll(rebuilt);
        return true;
    }

    /** Every form field's widget with its value, by the widget's dictionary. */
    private static Map<COSDictionary, Box> widgets(PDDocument document) {
        Map<COSDictionary, Box> out = new HashMap<>();
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return out;
        }
        Map<COSDictionary, PDRectangle> crops = new HashMap<>();
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDTerminalField terminal) || field instanceof PDSignatureField) {
                continue;
            }
            if (field instanceof PDButton b && b.isPushButton()) {
                continue;
            }
            for (PDAnnotationWidget w : terminal.getWidgets()) {
                PDRectangle r = w.getRectangle();
                if (r == null) {
                    continue;
                }
                PDRectangle crop = cropOf(document, w, crops);
                double x0 = r.getLowerLeftX() - crop.getLowerLeftX();
                double x1 = r.getUpperRightX() - crop.getLowerLeftX();
                double y0 = crop.getUpperRightY() - r.getUpperRightY();
                double y1 = crop.getUpperRightY() - r.getLowerLeftY();
                String value = value(terminal, w);
                out.put(w.getCOSObject(), new Box(x0, y0, x1, y1, null, value,
                        "PDF field '" + safeName(field.getFullyQualifiedName()) + "'"));
            }
        }
        return out;
    }

    private static PDRectangle cropOf(PDDocument document, PDAnnotationWidget w, Map<COSDictionary, PDRectangle> c) {
        PDPage page = w.getPage();
        if (page != null) {
            return page.getCropBox();
        }
        return document.getNumberOfPages() > 0 ? document.getPage(0).getCropBox() : PDRectangle.A4;
    }

    private static String value(PDTerminalField field, PDAnnotationWidget widget) {
        if (field instanceof PDButton) {
            // a check box or radio button: its own widget shows its state
            COSDictionary d = widget.getCOSObject();
            String state = widget.getAppearanceState() == null ? null : widget.getAppearanceState().getName();
            boolean on = state != null && !state.equals("Off");
            if (d == null) {
                on = false;
            }
            return on ? DocxReader.CHECKED : DocxReader.UNCHECKED;
        }
        if (field instanceof PDChoice choice) {
            return String.join(", ", choice.getValue());
        }
        if (field instanceof PDTextField text) {
            String v = text.getValueAsString();
            return v == null ? "" : v;
        }
        return field.getValueAsString();
    }

    /** Field names are the form designer's ("Text12"); kept short and printable for provenance. */
    private static String safeName(String name) {
        if (name == null) {
            return "?";
        }
        String s = name.replaceAll("[^A-Za-z0-9 _.\\-\\[\\]]", "?");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
