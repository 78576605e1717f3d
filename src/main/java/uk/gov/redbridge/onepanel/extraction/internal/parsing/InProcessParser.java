package uk.gov.redbridge.onepanel.extraction.internal.parsing;

import uk.gov.redbridge.onepanel.extraction.internal.layout.DocumentLayout;
import uk.gov.redbridge.onepanel.extraction.internal.reading.DocumentReader;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadFailure;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Parses in the calling JVM, within the same size limits but without the protection of a separate process: a parser
 * that hangs or runs out of memory takes the caller with it. For tests, benchmarks and trusted files only; the
 * service uses {@link IsolatedParser} unless {@code onepanel.extraction.isolation.enabled} is false.
 */
public final class InProcessParser implements DocumentParser {

    private final ReadingLimits limits;

    public InProcessParser(ReadingLimits limits) {
        this.limits = limits;
    }

    @Override
    public DocumentLayout parse(String fileName, byte[] content, ReadingLimits limits) throws ReadFailure {
        return new DocumentReader(limits).read(fileName, content);
    }

    @Override
    public ReadingLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        // nothing held
    }
}
