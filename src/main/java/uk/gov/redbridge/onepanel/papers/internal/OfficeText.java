package uk.gov.redbridge.onepanel.papers.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads a document's text and tables as HTML through Tika (POI for Word and Excel, ODF, RTF, Outlook messages) for
 * a readable rendering when LibreOffice is not there. The output is cut at a number of characters, and cleaned to a
 * short list of tags (paragraphs, headings, lists, tables): no images, links, scripts or styles survive.
 */
@Component
class OfficeText {

    private static final Safelist TAGS = Safelist.none()
            .addTags("p", "br", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "b", "strong",
                    "i", "em", "u", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "pre", "blockquote")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan");

    private final AutoDetectParser parser = new AutoDetectParser();
    private final PapersSettings settings;

    OfficeText(PapersSettings settings) {
        this.settings = settings;
    }

    record Read(String html, boolean cut) {
    }

    /** @throws ConversionException for a document that cannot be read, with the reason */
    Read read(byte[] bytes, String fileName) {
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        WriteOutContentHandler limited = new WriteOutContentHandler(xhtml, settings.maxTextCharacters());
        Metadata metadata = new Metadata();
        metadata.set("resourceName", fileName == null ? "document" : fileName);
        boolean cut = false;
        try {
            parser.parse(new ByteArrayInputStream(bytes), limited, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ConversionException("password protected");
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ConversionException("could not be read (" + e.getClass().getSimpleName() + ")");
            }
            cut = true;
        } catch (TikaException e) {
            String what = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new ConversionException(what.contains("zip bomb") ? "suspected zip bomb: refused"
                    : "could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new ConversionException("could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return new Read(clean(xhtml.toString()), cut);
    }

    /** Any HTML reduced to the safe tags, body only. */
    static String clean(String html) {
        return Jsoup.clean(html == null ? "" : html, TAGS);
    }
}
