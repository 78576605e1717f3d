package uk.gov.redbridge.onepanel.exceptions.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of an exception's page, one per way of resolving it. */
final class ExceptionForms {

    private ExceptionForms() {
    }

    /** Create a referral from the email; a blank pathway lets the service decide as intake does. */
    record CreateReferralForm(String pathway) {
    }

    /**
     * Attach the email to a referral the service already has; with an agency, as that agency's reply to its
     * information request on the referral (its return, or "not known").
     */
    record AttachForm(@NotBlank(message = "{exception.attach.required}") String reference, String agency,
            Boolean otherReferralConfirmed) {

        boolean confirmed() {
            return Boolean.TRUE.equals(otherReferralConfirmed);
        }
    }

    /** Close the item without a referral: it is not one, or it was dealt with another way. */
    record CloseForm(@NotBlank(message = "{exception.close.resolutionRequired}") String resolution,
            @NotBlank(message = "{exception.close.noteRequired}") @Size(max = 2000, message = "{form.tooLong}")
            String note) {
    }
}
