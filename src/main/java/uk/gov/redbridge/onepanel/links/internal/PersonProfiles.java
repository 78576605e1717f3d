package uk.gov.redbridge.onepanel.links.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;

/** The people a referral form names: the subject (section 2) and each person of section 3, in form order. */
public final class PersonProfiles {

    private static final int MAX_PERSONS = 50;

    private PersonProfiles() {
    }

    public static List<PersonProfile> of(FilledForm form) {
        List<PersonProfile> out = new ArrayList<>();
        List<PersonName> subjectNames = new ArrayList<>();
        PersonName main = Names.ofParts(form.value(FieldKeys.SUBJECT_FIRST_NAME).orElse(null),
                form.value(FieldKeys.SUBJECT_LAST_NAME).orElse(null));
        if (!main.isEmpty()) {
            subjectNames.add(main);
        }
        form.value(FieldKeys.SUBJECT_OTHER_NAMES).ifPresent(other -> {
            for (String alias : other.split("[;/]|\\band\\b|\\baka\\b|,")) {
                PersonName n = Names.ofWhole(alias);
                if (n.isEmpty()) {
                    continue;
                }
                // a single word is another first name (Dot) or another surname (a maiden name)
                if (n.family().isEmpty() && !main.isEmpty()) {
                    subjectNames.add(new PersonName(n.given(), main.family()));
                    subjectNames.add(new PersonName(main.given(), n.given()));
                } else {
                    subjectNames.add(n);
                }
            }
        });
        Addresses.Home subjectHome = Addresses.of(form.value(FieldKeys.SUBJECT_ADDRESS).orElse(null));
        PersonProfile subject = new PersonProfile(PersonProfile.SUBJECT, null, subjectNames,
                date(form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH).orElse(null)),
                NhsNumber.valid(form.value(FieldKeys.SUBJECT_NHS_NUMBER).orElse(null)),
                subjectHome == null ? null : subjectHome.postcode(), subjectHome == null ? null : subjectHome.premise());
        if (!subject.isEmpty()) {
            out.add(subject);
        }
        int count = Math.min(form.personCount(), MAX_PERSONS);
        for (int i = 0; i < count; i++) {
            String p = "persons." + i + ".";
            PersonName name = Names.ofWhole(form.value(p + "name").orElse(null));
            Addresses.Home home = Addresses.of(form.value(p + "address").orElse(null));
            String relationship = form.value(p + "relationship").map(r -> r.strip().replaceAll("\\s+", " "))
                    .map(r -> r.length() > 60 ? r.substring(0, 60) : r).orElse(null);
            PersonProfile person = new PersonProfile("persons." + i, relationship,
                    name.isEmpty() ? List.of() : List.of(name), date(form.value(p + "date_of_birth").orElse(null)),
                    null, home == null ? null : home.postcode(), home == null ? null : home.premise());
            if (!person.isEmpty()) {
                out.add(person);
            }
        }
        return out;
    }

    private static LocalDate date(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
