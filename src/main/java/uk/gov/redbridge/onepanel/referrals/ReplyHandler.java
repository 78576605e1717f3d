package uk.gov.redbridge.onepanel.referrals;

/**
 * Recognises a reply to the service if it is for something its module owns (an agency's information request, a
 * member's answer to a request for further information, a referrer's answer to an acknowledgement). The referral
 * log asks every handler in {@link #order()} order; the first that recognises the reply wins and a
 * {@link ReplyRecognised} event names its {@link #owner()}, whose listener then records the reply, in its own
 * transaction and idempotently. If none recognises it, or one finds it ambiguous, the reply is an exception for the
 * secretariat.
 */
public interface ReplyHandler {

    enum Result { MINE, NOT_MINE, AMBIGUOUS }

    /**
     * @param target            what the reply answers, in the owner's terms (see {@link ReplyRecognised})
     * @param matchedBy         what tied it to the target
     * @param explanation       for an ambiguous reply: why, in plain words without personal data
     * @param referralReference the referral concerned, when known, or null
     */
    record Recognition(Result result, String target, String matchedBy, String explanation,
            String referralReference) {

        public static Recognition mine(String target, String matchedBy, String referralReference) {
            return new Recognition(Result.MINE, target, matchedBy, null, referralReference);
        }

        public static Recognition notMine() {
            return new Recognition(Result.NOT_MINE, null, null, null, null);
        }

        public static Recognition ambiguous(String explanation, String referralReference) {
            return new Recognition(Result.AMBIGUOUS, null, null, explanation, referralReference);
        }
    }

    /** Lower runs first. */
    int order();

    /** The module whose listener records what this handler recognises ({@link ReplyRecognised#owner()}). */
    String owner();

    /** Whose the reply is. Reads only: nothing is recorded here (the owner does that when it hears the event). */
    Recognition recognise(IncomingReply reply);
}
