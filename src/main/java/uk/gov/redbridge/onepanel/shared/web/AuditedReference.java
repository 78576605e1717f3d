package uk.gov.redbridge.onepanel.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The referral a request acted on when its address does not name it (an exception attached to a referral, or taken
 * off one): the handler says which, and the audit line of the request names it, so that the referral's own audit
 * shows it whatever becomes of the exception later.
 */
public final class AuditedReference {

    public static final String ATTRIBUTE = "onepanel.audit.reference";

    private AuditedReference() {
    }

    public static void set(HttpServletRequest request, ReferralReference reference) {
        request.setAttribute(ATTRIBUTE, reference.toString());
    }
}
