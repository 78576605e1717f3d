package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;

/**
 * Turns a document's bytes into its layout. In the service this happens in a separate, bounded worker process
 * ({@link IsolatedParser}); tests and tools may parse in process ({@link InProcessParser}).
 */
public interface DocumentParser extends AutoCloseable {

    DocumentLayout parse(String fileName, byte[] content) throws ReadFailure;

    @Override
    void close();
}
