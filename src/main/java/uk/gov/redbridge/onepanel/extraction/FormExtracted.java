package uk.gov.redbridge.onepanel.extraction;

/**
 * A form was found and read.
 *
 * @param sourceName the file name the form came from, or {@code "(email body)"} for a referral typed into an email
 */
public record FormExtracted(FilledForm form, String sourceName) implements ExtractionResult {
}
