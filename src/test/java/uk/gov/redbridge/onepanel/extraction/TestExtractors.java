package uk.gov.redbridge.onepanel.extraction;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import uk.gov.redbridge.onepanel.extraction.internal.ExtractionEngine;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMappings;
import uk.gov.redbridge.onepanel.extraction.internal.parsing.InProcessParser;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * Extractors for tests: the real form mappings and readers, parsing in the test JVM (the isolated worker pool has
 * tests of its own), and a fixed clock so that two-digit years and "in the future" checks do not drift.
 */
final class TestExtractors {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneId.of("Europe/London"));

    private static final FormExtractor IN_PROCESS = inProcess(ReadingLimits.defaults());

    private TestExtractors() {
    }

    /** Shared by test classes; parsing in process holds nothing that needs closing. */
    static FormExtractor inProcess() {
        return IN_PROCESS;
    }

    static FormExtractor inProcess(ReadingLimits limits) {
        return new FormExtractor(new ExtractionEngine(FormMappings.load(FormMappings.DEFAULT_LOCATION),
                new InProcessParser(limits), CLOCK, 0.8));
    }
}
