package uk.gov.redbridge.onepanel.extraction;

/**
 * Whether a document can be kept as a paper of a case, from {@link FormExtractor#check}.
 *
 * @param kind        what the document is, in words ("PDF", "Word document", "scan"), when accepted
 * @param reason      why it was refused, when refused
 * @param explanation the refusal in plain words, free of personal data, when refused
 */
public record DocumentCheck(boolean accepted, String kind, FailureReason reason, String explanation) {

    public static DocumentCheck accepted(String kind) {
        return new DocumentCheck(true, kind, null, null);
    }

    public static DocumentCheck refused(FailureReason reason, String explanation) {
        return new DocumentCheck(false, null, reason, explanation);
    }
}
