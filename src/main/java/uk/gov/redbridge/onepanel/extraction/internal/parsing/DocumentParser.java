package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Turns a document's bytes into its layout. In the service this happens in a separate, bounded worker process
 * ({@link IsolatedParser}); tests and tools may parse in process ({@link InProcessParser}).
 */
public interface DocumentParser extends AutoCloseable {

    /** Parses within the configured limits. */
    default DocumentLayout parse(String fileName, byte[] content) throws ReadFailure {
        return parse(fileName, content, limits());
    }

    /** Parses within other limits: a document checked before it is kept is read without OCR, for example. */
    DocumentLayout parse(String fileName, byte[] content, ReadingLimits limits) throws ReadFailure;

    /** The configured limits. */
    ReadingLimits limits();

    @Override
    void close();
}
