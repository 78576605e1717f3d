package uk.gov.redbridge.onepanel.extraction;

/** The outcome of reading a document or an email: a filled form, or the reason there is none. */
public sealed interface ExtractionResult permits FormExtracted, ExtractionFailed {
}
