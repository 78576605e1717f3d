package uk.gov.redbridge.onepanel.extraction.internal.reading;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Block;
import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;

/**
 * Reads the formats Tika structures well enough for forms: Word 97 (.doc, through POI's HWPF), OpenDocument text,
 * RTF and HTML. Embedded documents are not parsed: a form is never inside an embedded object, and each embedded
 * parse is one more attack surface.
 */
final class TikaReader {

    private static final Parser PARSER = new AutoDetectParser();

    private final ReadingLimits limits;

    TikaReader(ReadingLimits limits) {
        this.limits = limits;
    }

    DocumentLayout read(byte[] content, String fileName, String format, String description) throws ReadFailure {
        XhtmlLayoutBuilder builder = new XhtmlLayoutBuilder(limits.maxTextChars());
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new NoEmbeddedDocuments());
        context.set(HtmlMapper.class, new SpansKept());
        try (InputStream in = TikaInputStream.get(content)) {
            PARSER.parse(in, (ContentHandler) builder, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ReadFailure(FailureReason.ENCRYPTED, "the " + description + " is password-protected");
        } catch (SAXException e) {
            if (e.getException() instanceof ReadFailure f) {
                throw f;
            }
            throw Failures.classify(e, description);
        } catch (TikaException | IOException | RuntimeException e) {
            throw Failures.classify(e, description);
        }
        List<Block> blocks = builder.blocks();
        // Tika's XHTML has no cell shading, which tells a row of labels from a row of answers: read it from the file
        if (format.equals("doc")) {
            blocks = CellShading.ofDoc(content).applyTo(blocks);
        } else if (format.equals("odt")) {
            blocks = CellShading.ofOdt(content).applyTo(blocks);
        }
        return new DocumentLayout(format, 0, false, blocks);
    }

    /** Tika's HTML mapper drops a cell's row and column spans; they keep a pasted table's columns in line. */
    private static final class SpansKept extends DefaultHtmlMapper {
        @Override
        public String mapSafeAttribute(String elementName, String attributeName) {
            String element = elementName.toLowerCase(java.util.Locale.ROOT);
            String attribute = attributeName.toLowerCase(java.util.Locale.ROOT);
            if ((element.equals("td") || element.equals("th"))
                    && (attribute.equals("rowspan") || attribute.equals("colspan"))) {
                return attribute;
            }
            return super.mapSafeAttribute(elementName, attributeName);
        }
    }

    private static final class NoEmbeddedDocuments implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded is false
        }
    }
}
