package uk.gov.redbridge.onepanel.requests;

import java.util.UUID;

import uk.gov.redbridge.onepanel.extraction.FailureReason;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * What became of a return added by hand ({@link InformationRequests#addReturnByHand}): one of {@link Added},
 * {@link AlreadyAdded}, {@link Refused}, {@link NoSuchRequest} or {@link RequestCancelled}. Only {@link Added} stored
 * anything. The explanations are plain words without personal data, fit to show the secretariat.
 */
public sealed interface ReturnAdded {

    /** True when the document is on the request now: added by this call, or there already. */
    default boolean kept() {
        return this instanceof Added || this instanceof AlreadyAdded;
    }

    /**
     * Stored against the request.
     *
     * @param closedAsReturned true if this document answered the request (it is RETURNED now); false if the request
     *                         was answered before and just gained a further document
     */
    record Added(RequestId requestId, UUID documentId, boolean closedAsReturned) implements ReturnAdded {
    }

    /** The same file (same SHA-256), however it came, is on the request already: nothing was added. */
    record AlreadyAdded(RequestId requestId, UUID documentId) implements ReturnAdded {
    }

    /**
     * The document cannot be kept (password-protected, damaged, of a kind the service cannot open, empty, too large
     * or too slow to read): nothing was stored.
     *
     * @param reason      as {@link uk.gov.redbridge.onepanel.extraction.DocumentCheck} gave it
     * @param explanation in plain words
     */
    record Refused(FailureReason reason, String explanation) implements ReturnAdded {

        /** The reason's code, e.g. {@code encrypted}, {@code empty}. */
        public String code() {
            return reason.code();
        }
    }

    /** The referral is unknown, or has no request for the agency. */
    record NoSuchRequest(ReferralReference reference, String agencyCode) implements ReturnAdded {
    }

    /**
     * The request was cancelled (the agency was taken off the referral), so it takes no return; nothing was stored.
     * The document can be added to the referral's own documents instead.
     */
    record RequestCancelled(RequestId requestId, String explanation) implements ReturnAdded {
    }
}
