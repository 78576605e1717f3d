package uk.gov.redbridge.onepanel.papers.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Turns one document into pages, whatever it is: a PDF as it is, an office document through LibreOffice or as its
 * text and tables, text and HTML as readable pages, an image on a page. Agency documents are untrusted input: each
 * is bounded in size, pages, characters, pixels and time, and every failure becomes a reason in plain words, never
 * an error that stops the papers.
 */
@Component
class DocumentConverter {

    private static final Logger log = LoggerFactory.getLogger(DocumentConverter.class);

    private final PapersSettings settings;
    private final LibreOffice libreOffice;
    private final OfficeText officeText;
    private final PaperPages pages;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "papers-conversion");
        t.setDaemon(true);
        return t;
    });

    DocumentConverter(PapersSettings settings, LibreOffice libreOffice, OfficeText officeText, PaperPages pages) {
        this.settings = settings;
        this.libreOffice = libreOffice;
        this.officeText = officeText;
        this.pages = pages;
    }

    Conversion convert(SourceDocument document) {
        if (document.bytes().length == 0) {
            return new Conversion.Refused("the file is empty");
        }
        if (document.bytes().length > settings.maxDocumentSize().toBytes()) {
            return new Conversion.Refused("larger than " + settings.maxDocumentSize().toMegabytes()
                    + " MB, the most the papers take");
        }
        Future<Conversion> work = workers.submit(() -> convertNow(document));
        // LibreOffice has its own timeout; the rest gets the conversion timeout (and LibreOffice's on top)
        long limit = settings.conversionTimeout().toMillis()
                + (libreOffice.available() ? settings.libreofficeTimeout().toMillis() : 0);
        try {
            return work.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return new Conversion.Refused("took longer than " + limit / 1000 + " seconds to read");
        } catch (ExecutionException e) {
            log.warn("A {} document in {} could not be converted: {}", DocumentKind.of(document), document.section(),
                    e.getCause().getClass().getSimpleName());
            return new Conversion.Refused(reasonOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return new Conversion.Refused("interrupted");
        }
    }

    private Conversion convertNow(SourceDocument d) throws IOException {
        switch (DocumentKind.of(d)) {
            case PDF:
                return pdf(d.bytes());
            case OFFICE:
                return office(d);
            case IMAGE:
                byte[] image = ImagePages.toPdf(d.bytes(), d.fileName(), settings.maxImagePixels());
                return new Conversion.Pages(image, 1, "image");
            case TEXT:
                return rendered(d, "<pre>" + org.jsoup.nodes.Entities.escape(text(d)) + "</pre>", false);
            case HTML:
                return rendered(d, OfficeText.clean(text(d)), false);
            case MESSAGE:
                OfficeText.Read message = officeText.read(d.bytes(), d.fileName());
                return rendered(d, message.html(), message.cut());
            default:
                String ext = d.extension();
                return new Conversion.Refused((ext.isEmpty() ? "a file of this kind" : "a ." + ext + " file")
                        + " cannot be shown as pages");
        }
    }

    private Conversion pdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                return new Conversion.Refused("the PDF has no pages");
            }
            if (count > settings.maxPages()) {
                return new Conversion.Refused("the PDF has " + count + " pages, more than the " + settings.maxPages()
                        + " the papers take");
            }
            return new Conversion.Pages(bytes, count, "pdf");
        } catch (InvalidPasswordException e) {
            return new Conversion.Refused("password protected");
        }
    }

    private Conversion office(SourceDocument d) {
        if (!looksLike(d.extension(), d.bytes())) {
            return new Conversion.Refused("not a valid ." + d.extension() + " file (damaged, or not what its name says)");
        }
        String libreOfficeProblem = null;
        if (libreOffice.available()) {
            try {
                byte[] pdf = libreOffice.toPdf(d.bytes(), d.extension());
                Conversion checked = pdf(pdf);
                if (checked instanceof Conversion.Pages p) {
                    return new Conversion.Pages(p.pdf(), p.pages(), "libreoffice");
                }
                libreOfficeProblem = ((Conversion.Refused) checked).reason();
            } catch (ConversionException | IOException e) {
                libreOfficeProblem = e instanceof ConversionException ? e.getMessage() : "its PDF could not be read";
            }
        }
        try {
            OfficeText.Read read = officeText.read(d.bytes(), d.fileName());
            return rendered(d, read.html(), read.cut());
        } catch (ConversionException e) {
            if (libreOfficeProblem != null && !libreOfficeProblem.equals(e.getMessage())) {
                throw new ConversionException(e.getMessage() + " (LibreOffice: " + libreOfficeProblem + ")");
            }
            throw e;
        }
    }

    private static final java.util.Set<String> ZIP_BASED = java.util.Set.of("docx", "docm", "dotx", "xlsx", "pptx",
            "odt", "ods", "odp");
    private static final java.util.Set<String> OLE2_BASED = java.util.Set.of("doc", "dot", "xls", "ppt");

    /** The first bytes match what the name says: a Word 2007 file is a zip, a Word 97 file an OLE2 container. */
    static boolean looksLike(String extension, byte[] b) {
        if (ZIP_BASED.contains(extension)) {
            return b.length > 4 && b[0] == 'P' && b[1] == 'K';
        }
        if (OLE2_BASED.contains(extension)) {
            return b.length > 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                    && (b[3] & 0xFF) == 0xE0;
        }
        if (extension.equals("rtf")) {
            return b.length > 5 && new String(b, 0, 5, StandardCharsets.US_ASCII).equals("{\\rtf");
        }
        return true;
    }

    private Conversion rendered(SourceDocument d, String bodyHtml, boolean cut) {
        Conversion.Pages p = pages.render("document", Map.of("fileName", safe(d.fileName()), "source", d.source(),
                "body", bodyHtml, "cut", cut, "maxCharacters", settings.maxTextCharacters()));
        if (p.pages() > settings.maxPages()) {
            return new Conversion.Refused("its text runs to " + p.pages() + " pages, more than the "
                    + settings.maxPages() + " the papers take");
        }
        return new Conversion.Pages(p.pdf(), p.pages(), "text-rendering");
    }

    private static String text(SourceDocument d) {
        Charset charset = StandardCharsets.UTF_8;
        String type = d.contentType() == null ? "" : d.contentType().toLowerCase(java.util.Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at >= 0) {
            try {
                charset = Charset.forName(type.substring(at + 8).replace("\"", "").trim());
            } catch (RuntimeException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(d.bytes(), charset);
    }

    private static String safe(String fileName) {
        return fileName == null || fileName.isBlank() ? "(no name)" : fileName;
    }

    /** Plain words, never the exception's own message (which could quote the document). */
    static String reasonOf(Throwable t) {
        if (t instanceof ConversionException) {
            return t.getMessage();
        }
        if (t instanceof InvalidPasswordException || t instanceof org.apache.tika.exception.EncryptedDocumentException
                || t instanceof org.apache.poi.EncryptedDocumentException) {
            return "password protected";
        }
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
            return "too complex to read (" + t.getClass().getSimpleName() + ")";
        }
        return "could not be read (" + t.getClass().getSimpleName() + ")";
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
