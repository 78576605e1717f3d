package uk.gov.redbridge.onepanel.papers.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * Merges converted documents into one PDF: each part's pages as they are, a bookmark per part (nested under its
 * group: a referral in a pack), a footer with the page number on every page, and the documents that could not be
 * converted attached as embedded files.
 */
final class PdfAssembler {

    private static final PDType1Font FOOTER_FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    /**
     * @param group  the bookmark this part sits under, or null for a top-level bookmark
     * @param footer what the footer says before the page number (e.g. the reference); ASCII
     */
    record Part(String group, String title, byte[] pdf, String footer) {
    }

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    record Assembled(byte[] pdf, int pages) {
    }

    private PdfAssembler() {
    }

    static Assembled assemble(List<Part> parts, List<Attachment> attachments, String title) {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument dest = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            List<int[]> ranges = new ArrayList<>();
            for (Part part : parts) {
                PDDocument source = Loader.loadPDF(part.pdf());
                sources.add(source);
                flattenForm(source);
                if (source.isEncrypted()) {
                    // opened without a password (owner password only): its restrictions do not bind the papers
                    source.setAllSecurityToBeRemoved(true);
                }
                int start = dest.getNumberOfPages();
                merger.appendDocument(dest, source);
                ranges.add(new int[] {start, dest.getNumberOfPages() - start});
            }
            dest.getDocumentCatalog().setDocumentOutline(outline(dest, parts, ranges));
            dest.getDocumentCatalog().setPageMode(org.apache.pdfbox.pdmodel.PageMode.USE_OUTLINES);
            // forms merged from several documents would otherwise show one document's field values in another's
            dest.getDocumentCatalog().setAcroForm(null);
            stamp(dest, parts, ranges);
            embed(dest, attachments);
            withoutPersonalMetadata(dest, title);
            dest.save(out);
            return new Assembled(out.toByteArray(), dest.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument source : sources) {
                try {
                    source.close();
                } catch (IOException ignored) {
                    // closing a read-only copy in memory: nothing to lose
                }
            }
        }
    }

    /**
     * The merged documents bring their own metadata (a referrer's Word form gives its author's name, a scan its
     * operator's): a new document information dictionary replaces theirs, with the title and the service only, and
     * no XMP metadata is kept, in the document or on a page. Metadata travels with the file wherever it is sent.
     */
    static void withoutPersonalMetadata(PDDocument dest, String title) {
        org.apache.pdfbox.pdmodel.PDDocumentInformation info = new org.apache.pdfbox.pdmodel.PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("One Panel service");
        info.setProducer("One Panel service");
        info.setCreationDate(Calendar.getInstance());
        dest.setDocumentInformation(info);
        dest.getDocumentCatalog().setMetadata(null);
        for (org.apache.pdfbox.pdmodel.PDPage page : dest.getPages()) {
            page.setMetadata(null);
        }
    }

    /** A filled-in PDF form (Appendix E as an AcroForm) keeps its answers as page content, not as live fields. */
    private static void flattenForm(PDDocument source) {
        org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = source.getDocumentCatalog().getAcroForm();
        if (form == null) {
            return;
        }
        try {
            if (form.getNeedAppearances()) {
                form.refreshAppearances();
            }
            form.flatten();
        } catch (IOException | RuntimeException e) {
            // the fields stay as they are: still shown by most viewers
        }
    }

    private static PDDocumentOutline outline(PDDocument dest, List<Part> parts, List<int[]> ranges) {
        PDDocumentOutline outline = new PDDocumentOutline();
        Map<String, PDOutlineItem> groups = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (ranges.get(i)[1] == 0) {
                continue;
            }
            PDOutlineItem item = item(part.title(), dest.getPage(ranges.get(i)[0]));
            if (part.group() == null) {
                outline.addLast(item);
            } else {
                PDOutlineItem group = groups.get(part.group());
                if (group == null) {
                    group = item(part.group(), dest.getPage(ranges.get(i)[0]));
                    groups.put(part.group(), group);
                    outline.addLast(group);
                }
                group.addLast(item);
            }
        }
        groups.values().forEach(PDOutlineItem::openNode);
        outline.openNode();
        return outline;
    }

    private static PDOutlineItem item(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        item.setDestination(destination);
        return item;
    }

    private static void stamp(PDDocument dest, List<Part> parts, List<int[]> ranges) throws IOException {
        int total = dest.getNumberOfPages();
        for (int i = 0; i < parts.size(); i++) {
            String label = ascii(parts.get(i).footer());
            for (int p = ranges.get(i)[0]; p < ranges.get(i)[0] + ranges.get(i)[1]; p++) {
                PDPage page = dest.getPage(p);
                PDRectangle box = page.getCropBox();
                String text = label + "   page " + (p + 1) + " of " + total;
                float width = FOOTER_FONT.getStringWidth(text) / 1000 * 8;
                try (PDPageContentStream content = new PDPageContentStream(dest, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content.setNonStrokingColor(0.25f, 0.25f, 0.25f);
                    content.beginText();
                    content.setFont(FOOTER_FONT, 8);
                    content.newLineAtOffset(box.getLowerLeftX() + (box.getWidth() - width) / 2,
                            box.getLowerLeftY() + 14);
                    content.showText(text);
                    content.endText();
                }
            }
        }
    }

    private static void embed(PDDocument dest, List<Attachment> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
        for (Attachment a : attachments) {
            PDEmbeddedFile embedded = new PDEmbeddedFile(dest, new ByteArrayInputStream(a.bytes()));
            embedded.setSubtype(a.contentType() == null || a.contentType().isBlank() ? "application/octet-stream"
                    : a.contentType().replaceAll(";.*", "").trim());
            embedded.setSize(a.bytes().length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            String name = uniqueName(files, a.name());
            spec.setFile(ascii(name));
            spec.setFileUnicode(name);
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            files.put(name, spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(dest.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        dest.getDocumentCatalog().setNames(names);
    }

    private static String uniqueName(Map<String, ?> taken, String name) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /** The footer font is a standard one: keep to characters it has. */
    static String ascii(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]", "-");
    }
}
