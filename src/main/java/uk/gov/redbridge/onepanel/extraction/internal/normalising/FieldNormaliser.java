package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.Provenance;
import uk.gov.redbridge.onepanel.extraction.internal.layout.Origin;
import uk.gov.redbridge.onepanel.extraction.internal.locating.Located;
import uk.gov.redbridge.onepanel.extraction.internal.locating.LocatedForm;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.FieldSpec;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.MappingSection;
import uk.gov.redbridge.onepanel.extraction.internal.mapping.ValueType;

/**
 * Turns located values into the canonical fields of FIELDS.md: dates to ISO, NHS numbers to ten digits, ages to
 * whole years, the contact answer split into telephone and email; checks each value, and scores how sure the
 * reading is. A value that fails a check is kept as written with the problem named, never silently fixed.
 * Placeholders ("N/A", "Not known") are answers and are kept as written.
 */
public final class FieldNormaliser {

    private static final Set<String> PLACEHOLDERS = Set.of("n/a", "na", "n.a.", "not applicable", "not known",
            "unknown", "none", "nk", "n/k", "tbc", "tba", "not recorded", "not provided", "nil", "-", "--", "?",
            "awaiting", "pending", "not available", "no", "none known", "unk", "to follow", "not stated",
            "declined to say", "prefer not to say", "nfa");

    private final Clock clock;

    public FieldNormaliser(Clock clock) {
        this.clock = clock;
    }

    public FilledForm normalise(LocatedForm located, String sourceName) {
        LocalDate today = LocalDate.now(clock);
        Map<String, ExtractedField> fields = new LinkedHashMap<>();
        Map<String, Boolean> derived = new LinkedHashMap<>();
        for (Located l : located.fields()) {
            for (Derived d : normalise(l, sourceName, today)) {
                ExtractedField existing = fields.get(d.field.key());
                boolean replace = existing == null
                        || (derived.getOrDefault(d.field.key(), false) && !d.derived)
                        || (derived.getOrDefault(d.field.key(), false) == d.derived
                                && d.field.confidence() > existing.confidence() + 0.05);
                if (replace) {
                    fields.put(d.field.key(), d.field);
                    derived.put(d.field.key(), d.derived);
                }
            }
        }
        checkAge(fields, today);
        for (MappingSection s : located.mapping().sections()) {
            if (s.repeats()) {
                continue;
            }
            for (FieldSpec f : s.fields()) {
                if (f.required() && !fields.containsKey(f.key()) && !anyInto(f, fields)) {
                    fields.put(f.key(), new ExtractedField(f.key(), "", null, 0.0, null,
                            List.of("required field not found on the form")));
                }
            }
        }
        return new FilledForm(located.mapping().id(), new ArrayList<>(fields.values()));
    }

    private static boolean anyInto(FieldSpec f, Map<String, ExtractedField> fields) {
        return f.into().values().stream().anyMatch(fields::containsKey);
    }

    private record Derived(ExtractedField field, boolean derived) {
    }

    private List<Derived> normalise(Located l, String sourceName, LocalDate today) {
        String raw = l.value();
        String value = TickBoxes.present(raw) ? TickBoxes.resolve(raw) : raw;
        if (value == null || value.isBlank()) {
            return List.of();
        }
        ValueType type = l.field().type();
        if (!type.longText()) {
            value = value.replaceAll("\\s+", " ").strip();
        }
        double base = confidence(l);
        Provenance provenance = provenance(l, sourceName);
        List<Derived> out = new ArrayList<>();
        boolean placeholder = PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", ""));
        switch (type) {
            case DATE -> out.add(new Derived(date(l, value, raw, base, provenance, today, placeholder), false));
            case NHS_NUMBER -> out.add(new Derived(nhs(l, value, raw, base, provenance, placeholder), false));
            case AGE -> out.add(new Derived(age(l, value, raw, base, provenance, placeholder), false));
            case PHONE -> out.add(new Derived(phone(l.key(), value, raw, base, provenance, placeholder), false));
            case EMAIL -> out.add(new Derived(email(l.key(), value, raw, base, provenance, placeholder), false));
            case CONTACT -> {
                ContactDetails.Split split = ContactDetails.split(value);
                if (split.phone() != null) {
                    out.add(new Derived(phone(l.field().into().get("phone"), split.phone(), raw, base, provenance,
                            false), true));
                }
                if (split.email() != null) {
                    out.add(new Derived(email(l.field().into().get("email"), split.email(), raw, base, provenance,
                            false), true));
                }
            }
            case FULL_NAME -> {
                String[] parts = splitName(value);
                if (parts[0] != null) {
                    out.add(new Derived(new ExtractedField(l.field().into().get("first"), parts[0], raw, base * 0.85,
                            provenance, List.of()), true));
                }
                if (parts[1] != null) {
                    out.add(new Derived(new ExtractedField(l.field().into().get("last"), parts[1], raw, base * 0.85,
                            provenance, List.of()), true));
                }
            }
            default -> out.add(new Derived(new ExtractedField(l.key(), value, raw, base, provenance, List.of()), false));
        }
        return out;
    }

    private ExtractedField date(Located l, String value, String raw, double base, Provenance p, LocalDate today,
            boolean placeholder) {
        if (placeholder) {
            return new ExtractedField(l.key(), value, raw, base, p, List.of());
        }
        Optional<LocalDate> date = UkDates.parse(value, today);
        if (date.isEmpty()) {
            return new ExtractedField(l.key(), value, raw, base * 0.5, p, List.of("not a date that can be read"));
        }
        List<String> problems = new ArrayList<>();
        double c = base;
        if (date.get().isAfter(today.plusDays(1))) {
            problems.add("date is in the future");
            c *= 0.6;
        }
        if (date.get().isBefore(LocalDate.of(1890, 1, 1))) {
            problems.add("date is implausibly early");
            c *= 0.6;
        }
        if (l.origin() != null && l.origin().fromOcr()) {
            // a misread digit still makes a valid date: someone should look
            c *= 0.85;
        }
        return new ExtractedField(l.key(), date.get().toString(), raw, c, p, problems);
    }

    private static ExtractedField nhs(Located l, String value, String raw, double base, Provenance p,
            boolean placeholder) {
        if (placeholder) {
            return new ExtractedField(l.key(), value, raw, base, p, List.of());
        }
        String digits = NhsNumbers.digits(value);
        if (digits == null) {
            return new ExtractedField(l.key(), value, raw, base * 0.5, p, List.of("NHS number is not ten digits"));
        }
        if (!NhsNumbers.valid(digits)) {
            return new ExtractedField(l.key(), value, raw, base * 0.4, p,
                    List.of("NHS number fails the Modulus 11 check"));
        }
        // a misread digit passes the check one time in eleven: numbers read by OCR are for someone to look at
        double c = l.origin() != null && l.origin().fromOcr() ? base * 0.85 : base;
        return new ExtractedField(l.key(), digits, raw, c, p, List.of());
    }

    private static ExtractedField age(Located l, String value, String raw, double base, Provenance p,
            boolean placeholder) {
        if (placeholder) {
            return new ExtractedField(l.key(), value, raw, base, p, List.of());
        }
        OptionalInt years = Ages.parse(value);
        if (years.isEmpty()) {
            return new ExtractedField(l.key(), value, raw, base * 0.5, p, List.of("not an age in years"));
        }
        return new ExtractedField(l.key(), Integer.toString(years.getAsInt()), raw, base, p, List.of());
    }

    private static ExtractedField phone(String key, String value, String raw, double base, Provenance p,
            boolean placeholder) {
        String phone = placeholder ? value : ContactDetails.phone(value);
        if (phone == null) {
            phone = value;
        }
        List<String> problems = placeholder || ContactDetails.looksLikeUkPhone(phone) ? List.of()
                : List.of("does not look like a UK telephone number");
        return new ExtractedField(key, phone, raw, problems.isEmpty() ? base : base * 0.7, p, problems);
    }

    private static ExtractedField email(String key, String value, String raw, double base, Provenance p,
            boolean placeholder) {
        String email = placeholder ? value : ContactDetails.email(value);
        if (email == null) {
            return new ExtractedField(key, value, raw, base * 0.6, p, List.of("not an email address"));
        }
        return new ExtractedField(key, email, raw, base, p, List.of());
    }

    /** Age against date of birth at the date of incident or death (else the referral date). */
    private static void checkAge(Map<String, ExtractedField> fields, LocalDate today) {
        ExtractedField age = fields.get("subject.age");
        ExtractedField dob = fields.get("subject.date_of_birth");
        if (age == null || dob == null || !age.valid() || !dob.valid() || !age.value().matches("\\d{1,3}")
                || !dob.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return;
        }
        LocalDate at = null;
        for (String k : List.of("referral.incident_date", "referral.date")) {
            ExtractedField f = fields.get(k);
            if (f != null && f.valid() && f.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
                at = LocalDate.parse(f.value());
                break;
            }
        }
        if (at == null) {
            at = today;
        }
        int expected = Period.between(LocalDate.parse(dob.value()), at).getYears();
        int given = Integer.parseInt(age.value());
        if (Math.abs(expected - given) > 1) {
            String problem = "age does not match the date of birth";
            fields.put(age.key(), withProblem(age, problem));
            fields.put(dob.key(), withProblem(dob, problem));
        }
    }

    private static ExtractedField withProblem(ExtractedField f, String problem) {
        List<String> problems = new ArrayList<>(f.problems());
        problems.add(problem);
        return new ExtractedField(f.key(), f.value(), f.asWritten(), f.confidence() * 0.7, f.provenance(), problems);
    }

    /** "Jane Smith" → Jane, Smith; "SMITH, Jane" → Jane, SMITH; titles dropped. */
    static String[] splitName(String name) {
        String s = name.strip().replaceFirst("(?i)^(mr|mrs|ms|miss|mx|dr|master)\\.?\\s+", "");
        if (s.contains(",")) {
            String[] p = s.split(",", 2);
            return new String[] {blankToNull(p[1]), blankToNull(p[0])};
        }
        int space = s.lastIndexOf(' ');
        if (space < 0) {
            return new String[] {null, blankToNull(s)};
        }
        return new String[] {blankToNull(s.substring(0, space)), blankToNull(s.substring(space + 1))};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static double confidence(Located l) {
        double c = l.labelScore() * l.placement().factor();
        Origin o = l.origin();
        if (o != null && o.fromOcr()) {
            c *= 0.55 + 0.4 * o.quality();
        }
        return Math.max(0, Math.min(1, c));
    }

    private static Provenance provenance(Located l, String sourceName) {
        Origin o = l.origin();
        return new Provenance(sourceName, o == null ? null : o.page(), o == null ? null : o.location(), l.label());
    }
}
