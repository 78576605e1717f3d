package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * A referral as the rest of the service sees it.
 *
 * @param pathwayReason why this pathway was chosen, in words (the mailbox, the subject's age, ...)
 * @param form          the form as currently held: the machine's reading with the secretariat's corrections applied
 * @param missingFields labels of required information the form did not give
 * @param reviewNeeded  some fields had low confidence or failed a check and have not been confirmed yet
 */
public record Referral(ReferralId id, ReferralReference reference, Pathway pathway, String pathwayReason,
        ReferralStatus status, String mailbox, Instant receivedAt, SubjectSummary subject, ReferrerSummary referrer,
        String formSource, FilledForm form, List<String> missingFields, boolean reviewNeeded, String createdBy,
        Instant updatedAt) {

    /**
     * The value of one field of the referral's form ({@code subject.gender}), if it has one: for modules that read a
     * referral's facts without reading forms themselves.
     */
    public java.util.Optional<String> formValue(String key) {
        return form == null ? java.util.Optional.empty() : form.value(key);
    }
}
