package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * What a later answer (a referrer's reply, a completed copy of the form added by hand) adds to the form held: only
 * fields the referral lacks. What the form said is never overwritten by the machine; where the answer gives a
 * different value, that is listed for a person to look at.
 *
 * @param form      the form held, with the gaps filled
 * @param filled    the keys of the fields that were blank and now have a value
 * @param differing the keys of fields where the answer gives another value than the form held (left as held)
 */
record FormGaps(FilledForm form, List<String> filled, List<String> differing) {

    static FormGaps fill(FilledForm held, FilledForm answers) {
        List<ExtractedField> merged = new ArrayList<>(held.fields());
        List<String> filled = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (ExtractedField f : answers.fields()) {
            if (f.value().isBlank()) {
                continue;
            }
            java.util.Optional<String> current = held.value(f.key()).filter(v -> !v.isBlank());
            if (current.isEmpty()) {
                merged.removeIf(existing -> existing.key().equals(f.key()));
                merged.add(f);
                filled.add(f.key());
            } else if (!current.get().strip().equalsIgnoreCase(f.value().strip())) {
                differing.add(f.key());
            }
        }
        String mapping = held.mappingId() != null ? held.mappingId() : answers.mappingId();
        return new FormGaps(new FilledForm(mapping, merged), filled, differing);
    }

    /** The filled fields' keys for the case history, cut short to fit it. */
    String filledList() {
        return listed(filled);
    }

    /** The differing fields' keys for the case history, cut short to fit it. */
    String differingList() {
        return listed(differing);
    }

    /** Fields by their labels ("First name, Date of birth"), for the case history. */
    static String labels(List<String> keys) {
        return listed(keys);
    }

    private static String listed(List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String label = uk.gov.redbridge.onepanel.shared.words.PlainWords.of("field",
                    keys.get(i).replaceFirst("^persons\\.(\\d+)\\.", "persons."));
            String person = keys.get(i).matches("persons\\.\\d+\\..*")
                    ? " (person " + (Integer.parseInt(keys.get(i).split("\\.")[1]) + 1) + ")" : "";
            String next = (i == 0 ? "" : ", ") + label + person;
            if (out.length() + next.length() > 700) {
                return out + " and " + (keys.size() - i) + " more";
            }
            out.append(next);
        }
        return out.toString();
    }

    boolean changed() {
        return !filled.isEmpty();
    }
}
