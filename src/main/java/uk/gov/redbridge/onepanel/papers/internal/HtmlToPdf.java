package uk.gov.redbridge.onepanel.papers.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders HTML (the service's own pages, and documents read as text and tables) to PDF with openhtmltopdf. The HTML
 * is parsed leniently (jsoup) and handed over as a DOM, so it need not be well-formed XML. Nothing is fetched from
 * outside: every link to a resource is refused.
 */
@Component
class HtmlToPdf {

    static final String FONT_FAMILY = "Body";

    static {
        // openhtmltopdf logs through java.util.logging at INFO for every page: quiet it
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private final File regular;
    private final File bold;

    HtmlToPdf(PapersSettings settings) {
        File font = settings.font().isBlank() ? null : new File(settings.font());
        this.regular = font != null && font.isFile() ? font : null;
        File boldFile = regular == null ? null
                : new File(regular.getPath().replaceFirst("(?i)\\.ttf$", "-Bold.ttf"));
        this.bold = boldFile != null && boldFile.isFile() ? boldFile : null;
    }

    byte[] render(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (regular != null) {
                builder.useFont(regular, FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(bold != null ? bold : regular, FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL,
                        true);
            }
            // no resource is ever loaded: documents from outside could otherwise make the service fetch URLs
            builder.useUriResolver((base, uri) -> null);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "about:blank");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSS font-family list the service's pages use: the configured font, else the PDF standard fonts. */
    String fontFamily() {
        return regular != null ? "'" + FONT_FAMILY + "', sans-serif" : "sans-serif";
    }
}
