package uk.gov.redbridge.onepanel.extraction.internal.locating;

import java.util.List;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.internal.mapping.FormMapping;

/**
 * What locating found in a document for one mapping.
 *
 * @param fields        non-blank values, persons renumbered 0.. in form order, each person with its role
 * @param sections      the sections those values came from
 * @param titleSeen     whether one of the form's title phrases is in the document
 */
public record LocatedForm(FormMapping mapping, List<Located> fields, Set<String> sections, boolean titleSeen) {

    public LocatedForm {
        fields = List.copyOf(fields);
        sections = Set.copyOf(sections);
    }

    /** Distinct canonical fields found, persons' roles not counted (they are implied). */
    public long distinctFields() {
        return fields.stream().filter(f -> !f.key().endsWith(".role")).map(Located::key).distinct().count();
    }

    public boolean recognised() {
        return distinctFields() >= mapping.recognition().minFields()
                && sections.size() >= mapping.recognition().minSections();
    }

    /**
     * Whether the reading names the subject (first and last name, or a full name) and gives a reason for referral:
     * enough, in an email to a panel mailbox, to be a referral that needs more information.
     */
    public boolean namesSubjectAndReason() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Located l : fields) {
            if (!l.value().isBlank()) {
                keys.add(l.key());
                if (!l.value().strip().contains(" ")) {
                    // "Name: Ada" does not give a first and a last name
                    continue;
                }
                keys.addAll(l.field().into().values());
            }
        }
        boolean named = keys.contains("subject.first_name") && keys.contains("subject.last_name");
        return named && keys.contains("referral.reason");
    }

    /** How strongly the document is this form: more fields, surer labels, a title. */
    public double strength() {
        double sum = fields.stream().mapToDouble(Located::labelScore).sum();
        return sum + (titleSeen ? 2 : 0) + sections.size();
    }
}
