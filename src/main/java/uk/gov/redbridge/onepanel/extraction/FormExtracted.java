package uk.gov.redbridge.onepanel.extraction;

import java.util.List;

/**
 * A form was found and read.
 *
 * @param sourceName the file name the form came from, or {@code "(email body)"} for a referral typed into an email
 * @param otherForms the other attachments of the same email that were read as forms too (the weaker ones), so that
 *                   intake can tell whether they are about the same person; empty for a single document
 */
public record FormExtracted(FilledForm form, String sourceName, List<FormExtracted> otherForms)
        implements ExtractionResult {

    public FormExtracted {
        otherForms = otherForms == null ? List.of() : List.copyOf(otherForms);
    }

    public FormExtracted(FilledForm form, String sourceName) {
        this(form, sourceName, List.of());
    }
}
