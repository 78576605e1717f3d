package uk.gov.redbridge.onepanel.referrals;

import java.time.Instant;
import java.util.UUID;

/**
 * A field where a form that came later (added by hand) gives another value than the referral holds. The referral
 * keeps its own; both are shown side by side on the review page until a person settles the field there.
 *
 * @param source where the other value came from, in words without personal data ("the form added by hand,
 *               chronology.docx")
 */
public record FieldConflict(UUID id, String key, String heldValue, String otherValue, String source,
        Instant raisedAt, String raisedBy) {
}
