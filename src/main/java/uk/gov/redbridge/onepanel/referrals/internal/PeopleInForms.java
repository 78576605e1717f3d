package uk.gov.redbridge.onepanel.referrals.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * How many different people the forms of one email are about, so that no referral ever holds another person's
 * form. A form names its subject by NHS number, or by first and last name with the date of birth. Two forms are
 * about the same person when their NHS numbers agree, or (either lacking one) their names agree and their dates of
 * birth do not differ. A form that names no subject at all (a blank template) counts for no one. When in doubt the
 * forms are taken to be about different people: a referral made by hand is better than a mixed case.
 */
final class PeopleInForms {

    private PeopleInForms() {
    }

    /** Who a form is about, as far as the form says. */
    record Subject(String nhsNumber, String name, String dateOfBirth) {

        static Optional<Subject> of(FilledForm form) {
            String nhs = form.value(FieldKeys.SUBJECT_NHS_NUMBER).map(v -> v.replaceAll("\\D", "")).filter(v -> !v.isEmpty())
                    .orElse(null);
            String first = form.value(FieldKeys.SUBJECT_FIRST_NAME).map(PeopleInForms::fold).orElse("");
            String last = form.value(FieldKeys.SUBJECT_LAST_NAME).map(PeopleInForms::fold).orElse("");
            String name = (first + " " + last).trim();
            String dob = form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH).map(String::trim).orElse(null);
            if (nhs == null && name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Subject(nhs, name.isEmpty() ? null : name, dob));
        }

        boolean samePersonAs(Subject other) {
            if (nhsNumber != null && other.nhsNumber != null) {
                return nhsNumber.equals(other.nhsNumber);
            }
            if (name == null || other.name == null || !name.equals(other.name)) {
                return false;
            }
            return dateOfBirth == null || other.dateOfBirth == null || dateOfBirth.equals(other.dateOfBirth);
        }
    }

    /** The number of different people the forms are about (0 when none names a subject). */
    static int count(List<FilledForm> forms) {
        List<Subject> people = new ArrayList<>();
        for (FilledForm form : forms) {
            Optional<Subject> subject = Subject.of(form);
            if (subject.isPresent() && people.stream().noneMatch(p -> p.samePersonAs(subject.get()))) {
                people.add(subject.get());
            }
        }
        return people.size();
    }

    private static String fold(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
