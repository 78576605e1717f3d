package uk.gov.redbridge.onepanel.extraction.internal;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import uk.gov.redbridge.onepanel.extraction.internal.parsing.WorkerOptions;
import uk.gov.redbridge.onepanel.extraction.internal.reading.ReadingLimits;

/**
 * {@code onepanel.extraction.*}: where the form mappings are, what counts as sure enough, and the bounds every parse
 * runs within.
 *
 * @param mappingsLocation the folder of form-mappings YAML files; when the default folder does not exist, the copy
 *                         built into the jar is used
 * @param reviewThreshold  fields with a lower confidence are listed for the secretariat to check
 */
@ConfigurationProperties("onepanel.extraction")
@Validated
record ExtractionSettings(
        @DefaultValue("file:./form-mappings/") @NotBlank String mappingsLocation,
        @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double reviewThreshold,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Isolation isolation,
        @DefaultValue @Valid Ocr ocr) {

    /**
     * @param maxFileSize       the largest document or attachment read
     * @param maxPages          the most pages a PDF may have
     * @param maxZipEntries     the most parts a Word or OpenDocument file may have
     * @param minInflateRatio   compressed/uncompressed below this is a zip bomb
     * @param maxEntrySize      the largest uncompressed part of a Word or OpenDocument file
     * @param maxTextCharacters the most text one document may yield
     */
    record Limits(
            @DefaultValue("25MB") DataSize maxFileSize,
            @DefaultValue("50") @Min(1) int maxPages,
            @DefaultValue("1000") @Min(10) int maxZipEntries,
            @DefaultValue("0.01") @DecimalMin("0.0001") @DecimalMax("1") double minInflateRatio,
            @DefaultValue("100MB") DataSize maxEntrySize,
            @DefaultValue("2000000") @Min(1000) long maxTextCharacters) {
    }

    /**
     * @param enabled            parse in separate worker processes (keep on in production; off only for tests)
     * @param workers            how many worker processes at most
     * @param workerHeap         each worker's heap limit
     * @param timeout            the longest the reading of one document may take (once its size checks pass)
     *                           before its worker is killed
     * @param documentsPerWorker a worker is replaced after this many documents
     * @param startTimeout       the longest a worker may take to start
     * @param prestart           start and warm every worker when the service starts, in the background; else when
     *                           documents first need them
     */
    record Isolation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2") @Min(1) int workers,
            @DefaultValue("512MB") DataSize workerHeap,
            @DefaultValue("120s") Duration timeout,
            @DefaultValue("5000") @Min(1) int documentsPerWorker,
            @DefaultValue("60s") Duration startTimeout,
            @DefaultValue("true") boolean prestart) {
    }

    /**
     * @param enabled       read scans and images by OCR; when off (or Tesseract is missing) they are {@code needs_ocr}
     * @param tesseractPath the folder of the {@code tesseract} program, or the program itself; empty: from the PATH
     * @param language      Tesseract language(s)
     * @param dpi           the resolution scanned pages are rendered at
     * @param maxPages      the most pages of one document read by OCR
     * @param pageTimeout   the longest Tesseract may take over one page
     */
    record Ocr(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String tesseractPath,
            @DefaultValue("eng") @NotBlank String language,
            @DefaultValue("300") @Min(72) int dpi,
            @DefaultValue("10") @Min(1) int maxPages,
            @DefaultValue("60s") Duration pageTimeout) {
    }

    ReadingLimits readingLimits() {
        return new ReadingLimits(limits.maxFileSize().toBytes(), limits.maxPages(), limits.maxZipEntries(),
                limits.minInflateRatio(), limits.maxEntrySize().toBytes(), limits.maxTextCharacters(),
                new ReadingLimits.Ocr(ocr.enabled(), ocr.tesseractPath().isBlank() ? "tesseract" : ocr.tesseractPath(),
                        ocr.language(), ocr.dpi(), ocr.maxPages(), (int) Math.max(1, ocr.pageTimeout().toSeconds())));
    }

    WorkerOptions workerOptions() {
        return new WorkerOptions(isolation.workers(), (int) Math.max(32, isolation.workerHeap().toMegabytes()),
                isolation.timeout(), isolation.documentsPerWorker(), isolation.startTimeout(), isolation.prestart());
    }
}
