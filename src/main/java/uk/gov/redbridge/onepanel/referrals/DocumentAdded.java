package uk.gov.redbridge.onepanel.referrals;

import java.util.List;
import java.util.UUID;

/**
 * What became of a document added by hand.
 *
 * @param documentId  the document held (the new one, or the one already held with the same bytes); null if refused
 * @param reason      why it was refused: a {@code FailureReason} code ({@code encrypted}, {@code corrupt},
 *                    {@code not_a_form}...); null otherwise
 * @param explanation the refusal in plain words, without personal data; null otherwise
 * @param filled      for a form: the fields that were blank on the referral and were filled from it
 * @param differing   for a form: the fields where it gives another value than the referral holds (left as held,
 *                    for a person to check on the field review page)
 */
public record DocumentAdded(Outcome outcome, UUID documentId, String reason, String explanation,
        List<String> filled, List<String> differing, List<SubjectDifference> otherPerson) {

    /** A field that says who the form is about (name, date of birth, NHS number), as held and as on the form. */
    public record SubjectDifference(String key, String held, String onTheForm) {
    }

    public enum Outcome {
        ADDED,
        /**
         * A form whose subject (name, date of birth or NHS number) is not the referral's: nothing was added. It is
         * added only when a person confirms it is about the same person.
         */
        OTHER_PERSON,
        /** The same file (same bytes) is already held with this referral: nothing was added. */
        ALREADY_HELD,
        /** The file could not be kept or read; nothing was added. */
        REFUSED
    }

    public DocumentAdded {
        filled = filled == null ? List.of() : List.copyOf(filled);
        differing = differing == null ? List.of() : List.copyOf(differing);
        otherPerson = otherPerson == null ? List.of() : List.copyOf(otherPerson);
    }

    public DocumentAdded(Outcome outcome, UUID documentId, String reason, String explanation, List<String> filled,
            List<String> differing) {
        this(outcome, documentId, reason, explanation, filled, differing, List.of());
    }

    public static DocumentAdded otherPerson(List<SubjectDifference> differences) {
        return new DocumentAdded(Outcome.OTHER_PERSON, null, null, null, List.of(), List.of(), differences);
    }

    public static DocumentAdded added(UUID id, List<String> filled, List<String> differing) {
        return new DocumentAdded(Outcome.ADDED, id, null, null, filled, differing);
    }

    public static DocumentAdded alreadyHeld(UUID id) {
        return new DocumentAdded(Outcome.ALREADY_HELD, id, null, null, List.of(), List.of());
    }

    public static DocumentAdded refused(String reason, String explanation) {
        return new DocumentAdded(Outcome.REFUSED, null, reason, explanation, List.of(), List.of());
    }
}
