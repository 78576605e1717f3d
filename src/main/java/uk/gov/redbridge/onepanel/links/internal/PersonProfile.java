package uk.gov.redbridge.onepanel.links.internal;

import java.time.LocalDate;
import java.util.List;

import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;

/**
 * One person of a referral, reduced to what matching compares: derived from the form, kept in the database for
 * matching only, never logged.
 *
 * @param slot         where on the form: {@code subject} or {@code persons.N}
 * @param relationship to the subject, as the form writes it (section 3), shortened; null for the subject
 * @param names        the name, and for the subject any other names used
 * @param nhsNumber    ten digits with a valid check digit, or null
 * @param postcode     without its space, or null
 * @param premise      flat and house number, or house name, or null
 */
public record PersonProfile(String slot, String relationship, List<PersonName> names, LocalDate dateOfBirth,
        String nhsNumber, String postcode, String premise) {

    public static final String SUBJECT = "subject";

    public PersonProfile {
        names = List.copyOf(names);
    }

    public boolean isSubject() {
        return SUBJECT.equals(slot);
    }

    public boolean hasHome() {
        return postcode != null && premise != null;
    }

    public boolean isEmpty() {
        return names.isEmpty() && dateOfBirth == null && nhsNumber == null && !hasHome();
    }
}
