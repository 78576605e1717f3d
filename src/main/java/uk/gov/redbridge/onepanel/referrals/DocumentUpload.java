package uk.gov.redbridge.onepanel.referrals;

/**
 * A file the secretariat adds to a referral by hand: a form that came by post or through a secure portal, or a paper
 * for the panel (a chronology, a report, a letter).
 *
 * @param fileName    the name it was uploaded under (only its last part is kept)
 * @param contentType the type the browser gave, or null
 */
public record DocumentUpload(String fileName, String contentType, byte[] content, Kind kind) {

    public enum Kind {
        /** The referral form, or a completed or corrected copy of it: its fields are read. */
        FORM,
        /** Any other paper for the panel: kept as it is, after the same checks as an email attachment. */
        PAPER
    }
}
