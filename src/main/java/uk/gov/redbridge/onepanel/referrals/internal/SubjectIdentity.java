package uk.gov.redbridge.onepanel.referrals.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * Whether two forms are about the same person: the subject's name, date of birth and NHS number. A field counts
 * only where both forms give it; it differs when its letters and digits differ (case, spaces, accents and
 * punctuation aside). One difference is enough for a person to look before anything from the second form reaches
 * the referral: one person's details written into another's referral is the worst thing the service could do.
 */
final class SubjectIdentity {

    static final List<String> KEYS = List.of(FieldKeys.SUBJECT_FIRST_NAME, FieldKeys.SUBJECT_LAST_NAME, FieldKeys.SUBJECT_DATE_OF_BIRTH,
            FieldKeys.SUBJECT_NHS_NUMBER);

    record Difference(String key, String held, String other) {
    }

    private SubjectIdentity() {
    }

    static List<Difference> between(FilledForm held, FilledForm other) {
        List<Difference> out = new ArrayList<>();
        for (String key : KEYS) {
            Optional<String> a = held.value(key).filter(v -> !v.isBlank());
            Optional<String> b = other.value(key).filter(v -> !v.isBlank());
            if (a.isPresent() && b.isPresent() && !normal(a.get()).equals(normal(b.get()))) {
                out.add(new Difference(key, a.get(), b.get()));
            }
        }
        return out;
    }

    static String normal(String value) {
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
