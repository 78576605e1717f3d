package uk.gov.redbridge.onepanel.referrals;

/**
 * A file the secretariat adds to a referral by hand: a form that came by post or through a secure portal, or a paper
 * for the panel (a chronology, a report, a letter).
 *
 * @param fileName    the name it was uploaded under (only its last part is kept)
 * @param contentType the type the browser gave, or null
 */
public record DocumentUpload(String fileName, String contentType, byte[] content, Kind kind,
        boolean otherPersonConfirmed) {

    /**
     * An upload; a form about a person other than the referral's subject is refused
     * ({@link DocumentAdded.Outcome#OTHER_PERSON}).
     */
    public DocumentUpload(String fileName, String contentType, byte[] content, Kind kind) {
        this(fileName, contentType, content, kind, false);
    }

    /** The same upload, with a person's word that the form is about the referral's subject after all. */
    public DocumentUpload confirmedSamePerson() {
        return new DocumentUpload(fileName, contentType, content, kind, true);
    }

    public enum Kind {
        /** The referral form, or a completed or corrected copy of it: its fields are read. */
        FORM,
        /** Any other paper for the panel: kept as it is, after the same checks as an email attachment. */
        PAPER
    }
}
