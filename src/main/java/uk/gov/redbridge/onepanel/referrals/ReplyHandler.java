package uk.gov.redbridge.onepanel.referrals;

/**
 * Takes a reply to the service if it is for something it owns (an agency's information request, a referrer's
 * answer to an acknowledgement). The referral log asks every handler in {@link #order()} order; the first that
 * handles the reply wins; if none does, the reply is an exception for the secretariat.
 */
public interface ReplyHandler {

    enum Result { HANDLED, NOT_MINE, AMBIGUOUS }

    record Outcome(Result result, String explanation, String referralReference) {

        public static Outcome handled(String referralReference) {
            return new Outcome(Result.HANDLED, null, referralReference);
        }

        public static Outcome notMine() {
            return new Outcome(Result.NOT_MINE, null, null);
        }

        public static Outcome ambiguous(String explanation, String referralReference) {
            return new Outcome(Result.AMBIGUOUS, explanation, referralReference);
        }
    }

    /** Lower runs first. */
    int order();

    /** Called inside a transaction; must be idempotent (a reply may be delivered twice after a crash). */
    Outcome handle(IncomingReply reply);
}
