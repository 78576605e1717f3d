package uk.gov.redbridge.onepanel.requests;

/** How a reply was tied to its request, strongest first; recorded with every reply. */
public enum MatchRule {
    /** In-Reply-To or References name the request's (or a reminder's) Message-ID. */
    THREADING("In-Reply-To/References"),
    /** It was sent to the request's own plus-address. */
    REPLY_ADDRESS("the request's reply address"),
    /** The subject carries the token {@code [OP-2026-0001/NELFT]}. */
    SUBJECT_TOKEN("the subject token"),
    /** The sender's domain belongs to one agency, and the subject or body names the referral. */
    SENDER_AND_REFERENCE("the sender's agency and the reference"),
    /** Attached by a person from the exceptions queue. */
    BY_HAND("attached by the secretariat");

    private final String label;

    MatchRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
