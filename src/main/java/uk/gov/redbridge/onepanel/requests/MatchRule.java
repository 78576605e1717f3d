package uk.gov.redbridge.onepanel.requests;

/** How a reply was tied to its request, strongest first; recorded with every reply. */
public enum MatchRule {
    /** In-Reply-To or References name the request's (or a reminder's) Message-ID. */
    THREADING,
    /** It was sent to the request's own plus-address. */
    REPLY_ADDRESS,
    /** The subject carries the token {@code [OP-2026-0001/NELFT]}. */
    SUBJECT_TOKEN,
    /** The sender's domain belongs to one agency, and the subject or body names the referral. */
    SENDER_AND_REFERENCE,
    /** Attached by a person from the exceptions queue. */
    BY_HAND;

    /** In plain words (words/words.properties), to follow "matched because". */
    public String label() {
        return uk.gov.redbridge.onepanel.shared.words.PlainWords.of(this);
    }
}
