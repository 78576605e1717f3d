package uk.gov.redbridge.onepanel.extraction.variants;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import uk.gov.redbridge.onepanel.extraction.internal.normalising.NhsNumbers;
import uk.gov.redbridge.onepanel.extraction.variants.Paraphrases.Split;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Person;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Row;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Section;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Style;
import uk.gov.redbridge.onepanel.extraction.variants.VariantForm.Topic;

/**
 * Invents one referral and one referrer's copy of the form for it, from a seeded random source: fictional people
 * (NHS numbers from the 999 test range with a valid check digit, telephone numbers from Ofcom's drama ranges), label
 * wordings (Appendix E's own, or a paraphrase from one half of {@link Paraphrases}), rows reordered within sections,
 * optional rows deleted or left blank, dates, NHS numbers and ages written in the ways staff write them.
 */
final class VariantCases {

    /** Appendix E's own wordings. */
    static final Map<String, String> OFFICIAL = Map.ofEntries(
            Map.entry("referral.date", "Date of this One Panel referral"),
            Map.entry("referral.reason", "Summary of reason for referral"),
            Map.entry("referral.incident_date", "Date of incident/death"),
            Map.entry("subject.first_name", "First name"), Map.entry("subject.last_name", "Last name"),
            Map.entry("subject.other_names", "Other names used"), Map.entry("subject.date_of_birth", "Date of birth"),
            Map.entry("subject.age", "Age"), Map.entry("subject.gender", "Gender"),
            Map.entry("subject.ethnicity", "Ethnicity"), Map.entry("subject.disability", "Disability"),
            Map.entry("subject.nhs_number", "NHS number"), Map.entry("subject.gp", "GP"),
            Map.entry("subject.postmortem_result", "Postmortem result (if applicable)"),
            Map.entry("subject.address", "Home address"), Map.entry("subject.housing_tenure", "Housing tenure"),
            Map.entry("subject.school_college", "School / college"),
            Map.entry("persons.name", "Name"), Map.entry("persons.date_of_birth", "DOB"),
            Map.entry("persons.relationship", "Relationship to subject"), Map.entry("persons.address", "Address"),
            Map.entry("persons.other_info", "Any other information that is relevant to the discussion"),
            Map.entry("involvement.original_contact", "Details of original referral/contact with agency"),
            Map.entry("involvement.status", "Status i.e., subject of a CP plan, looked after child, subject to adult"
                    + " at risk procedure, subject to deprivation of liberty safeguards (DoLS) etc."),
            Map.entry("involvement.summary", "Summary of work/intervention and analysis that illustrates the case"
                    + " outline"),
            Map.entry("involvement.other_agencies", "What other agencies have been involved with the family?"),
            Map.entry("involvement.partnership_working", "How well, in your opinion, has the multi-agency partnership"
                    + " worked together?"),
            Map.entry("referrer.name", "Name"), Map.entry("referrer.agency", "Agency"), Map.entry("referrer.role", "Role"),
            Map.entry("referrer.contact", "Contact Tel no. / email"), Map.entry("referrer.phone", "Tel no."),
            Map.entry("referrer.email", "Email"),
            Map.entry("referrer.manager", "Manager Name responsible for quality assuring the referral"),
            Map.entry("referrer.internal_review", "Is this referral subject to an internal/single agency review?"),
            Map.entry("referrer.lessons_learnt", "Lessons learnt: If appropriate please describe the lessons that have"
                    + " been learnt by your agency and any changes made as a result."),
            Map.entry("referrer.considerations", "Considerations: For example, is there media interest? Are there"
                    + " criminal proceedings? Is the case linked to a complex abuse case?"));

    static final Map<String, String> OFFICIAL_HEADINGS = Map.of("referral", "Context for referral to One Panel",
            "subject", "Subject details", "persons", "Other relevant person(s) details", "involvement",
            "Agency involvement with the subject and relevant others", "referrer", "Referrer details");

    /** Fields that may be deleted or left blank; the rest are always there. */
    private static final Set<String> REQUIRED = Set.of("referral.reason", "subject.first_name", "subject.last_name",
            "referrer.name", "referrer.agency", "persons.name");

    private static final String[] FIRST_F = {"Dorothy", "Amira", "Leanne", "Grace", "Priya", "Zofia", "Keisha",
        "Margaret", "Chloe", "Fatima", "Irene", "Nadia", "Bethany", "Olive", "Sunita", "Rosa"};
    private static final String[] FIRST_M = {"Callum", "Tomasz", "Dwayne", "Harold", "Imran", "Kwame", "Reuben",
        "Stanley", "Luca", "Jayden", "Desmond", "Farhan", "Oliver", "Patrick", "Milo", "Ezra"};
    private static final String[] SURNAMES = {"Fairweather", "Ashdown", "Okafor", "Brennan", "Kowalczyk", "Haddad",
        "Pemberton", "Osei", "Latimer", "Rahman", "Whitlock", "Mensah", "Greaves", "Novak", "Dunmore", "Quayle",
        "Thornbury", "Adeyemi", "Castell", "Marchetti"};
    private static final String[] STREETS = {"Cranbrook Rise", "Tanners Lane", "Meads Lane", "Eastern Avenue",
        "Goodmayes Lane", "Aldborough Road North", "Wanstead Park Road", "Perth Road", "Balfour Road", "Hainault Street",
        "Clements Road", "Fencepiece Road"};
    private static final String[][] PLACES = {{"Ilford", "IG1 3QX"}, {"Barkingside", "IG6 1QE"}, {"Seven Kings",
        "IG3 8PA"}, {"Gants Hill", "IG2 6TN"}, {"Goodmayes", "IG3 9RT"}, {"Chadwell Heath", "RM6 6QN"}, {"Woodford Green",
        "IG8 0SH"}, {"Hainault", "IG6 3UF"}};
    private static final String[] ETHNICITY = {"White British", "Black African", "Asian British - Pakistani",
        "Mixed - White and Black Caribbean", "White - Other European", "Any other ethnic group", "Indian",
        "Black British - Caribbean", "White - Irish"};
    private static final String[] DISABILITY = {"None", "Learning disability", "ADHD", "Autism", "Physical disability"
        + " - wheelchair user", "Not known", "Hearing impairment", "Mental health condition"};
    private static final String[] TENURE = {"Council tenancy", "Private rented", "Owner occupier", "Housing association",
        "Temporary accommodation", "Living with family", "Supported living"};
    private static final String[] SCHOOLS = {"Mayfield School", "Uphall Primary School", "Redbridge College",
        "Loxford School", "Valentines High School"};
    private static final String[] GPS = {"Dr P. Larkin, Valentines Surgery", "Dr S. Moss, Barkingside Health Centre",
        "Dr A. Khan, Loxford Practice", "Dr M. Qureshi, Ilford Lane Surgery", "Dr O. Adeleke, Seven Kings Health Centre"};
    private static final String[] POSTMORTEM = {"Awaiting final report", "N/A", "1a Hypoxic brain injury",
        "Not yet known", "1a Multiple injuries consistent with a fall from height", "Inconclusive - further tests"};
    private static final String[] RELATIONSHIP = {"Mother", "Father", "Son", "Daughter", "Sister", "Brother",
        "Partner", "Neighbour", "Aunt", "Grandmother", "Friend", "Carer", "Ex-partner", "Stepfather"};
    private static final String[] AGENCIES = {"LB Redbridge Adult Social Care", "LB Redbridge Children's Services",
        "Metropolitan Police Service", "NELFT", "BHRUT", "Redbridge Housing", "London Ambulance Service",
        "North East London ICB", "Probation Service"};
    private static final String[] ROLES = {"Senior Social Worker", "Named Nurse for Safeguarding",
        "Detective Sergeant", "Head of Safeguarding", "Designated Safeguarding Lead", "Team Manager",
        "Safeguarding Adults Lead", "Practice Manager"};
    private static final String[] REVIEW = {"No", "Yes - a single agency review has started.", "Not at present",
        "Yes, a rapid review is being arranged by our agency.", "No internal review planned."};

    private static final String[] REASON = {
        "%s was found collapsed at home after several missed visits and died in hospital two days later.",
        "%s was admitted to hospital with injuries not consistent with the explanation given.",
        "Neighbours had raised concerns with the housing officer in the months before the incident.",
        "There were repeated missed health appointments and the family did not engage with services.",
        "Agencies held different parts of the picture and no single agency had an overview.",
        "We consider the case may meet the criteria for a statutory review.",
        "The case raises questions about discharge planning and information sharing between services.",
        "Concerns about neglect had been raised by school staff on several occasions."};
    private static final String[] WORK = {
        "Three assessments were started but none completed.",
        "Home visits found the home cold and short of food; concerns were about supervision.",
        "A safeguarding concern was raised and a strategy meeting held within five days.",
        "The care package was reviewed twice and increased after a fall.",
        "Analysis: risk was not escalated when visits were missed.",
        "Contact was by telephone only during the last three months.",
        "The allocated worker changed four times during the period.",
        "Not known to services before the incident."};
    private static final String[] AGENCY_LISTS = {"GP, district nursing, housing.", "School, school nursing, GP, "
        + "Early Help.", "Police, probation, substance misuse service.", "NELFT community mental health team, Home "
        + "Treatment Team, GP.", "Carers support service.", "Adult Social Care, London Ambulance Service."};
    private static final String[] INFO = {"Lives nearby and visited weekly.", "Has a learning disability and will need"
        + " support to take part.", "Speaks limited English - interpreter required.", "Was not known to any agency "
        + "before the incident.", "Contact through the police family liaison officer only.", "Is being supported by a"
        + " family support worker."};
    private static final String[] LESSONS = {"Missed visits now trigger a welfare check within 24 hours.",
        "Step-down decisions now require a multi-agency meeting including health.",
        "Discharge planning now includes housing and police where exploitation is known."};
    private static final String[] CONSIDERATIONS = {"No media interest. The coroner has been informed.",
        "Criminal investigation ongoing.", "Inquest opened and adjourned. No known media interest.",
        "Local press have reported the death; a criminal trial is expected next year."};

    private final Random random;
    private final Split split;
    private final Paraphrases paraphrases = Paraphrases.all();
    private final Map<String, String> truth = new LinkedHashMap<>();
    private final DateStyle dates;
    /** how often a label is reworded rather than Appendix E's own */
    private final double rewording;

    private VariantCases(Random random, Split split) {
        this.random = random;
        this.split = split;
        this.dates = DateStyle.values()[random.nextInt(DateStyle.values().length)];
        this.rewording = 0.55 + 0.4 * random.nextDouble();
    }

    static VariantForm invent(Random random, Split split, Style style) {
        return new VariantCases(random, split).form(style);
    }

    private VariantForm form(Style style) {
        boolean female = random.nextBoolean();
        String first = pick(female ? FIRST_F : FIRST_M);
        String last = pick(SURNAMES);
        LocalDate referralDate = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(320));
        LocalDate incident = referralDate.minusDays(5 + random.nextInt(60));
        boolean child = random.nextInt(3) == 0;
        LocalDate birth = incident.minusYears(child ? 2 + random.nextInt(15) : 19 + random.nextInt(70))
                .minusDays(random.nextInt(365));
        int age = Period.between(birth, incident).getYears();
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String address = address(place);

        List<Section> sections = new ArrayList<>();
        List<Row> context = new ArrayList<>();
        date(context, "referral.date", referralDate);
        text(context, "referral.reason", sentences(REASON, 2 + random.nextInt(3), first), true);
        date(context, "referral.incident_date", incident);
        sections.add(section("referral", 1, context, null, null));

        List<Row> subject = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            // one row for the whole name
            String label = random.nextBoolean() ? "Full name" : "Name of subject";
            subject.add(new Row("subject.name", label, first + " " + last));
            truth.put("subject.first_name", first);
            truth.put("subject.last_name", last);
        } else {
            text(subject, "subject.first_name", first, false);
            text(subject, "subject.last_name", last, false);
        }
        text(subject, "subject.other_names", random.nextInt(3) == 0 ? first.substring(0, 3) : "N/A", false);
        date(subject, "subject.date_of_birth", birth);
        String ageWritten = switch (random.nextInt(4)) {
            case 0 -> age + " years";
            case 1 -> age + " yrs";
            default -> Integer.toString(age);
        };
        row(subject, "subject.age", ageWritten, Integer.toString(age));
        text(subject, "subject.gender", female ? "Female" : "Male", false);
        text(subject, "subject.ethnicity", pick(ETHNICITY), false);
        text(subject, "subject.disability", pick(DISABILITY), false);
        String nhs = nhsNumber();
        String nhsWritten = switch (random.nextInt(3)) {
            case 0 -> nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
            case 1 -> nhs.substring(0, 3) + "-" + nhs.substring(3, 6) + "-" + nhs.substring(6);
            default -> nhs;
        };
        row(subject, "subject.nhs_number", nhsWritten, nhs);
        text(subject, "subject.gp", pick(GPS), false);
        text(subject, "subject.postmortem_result", pick(POSTMORTEM), false);
        text(subject, "subject.address", address, false);
        text(subject, "subject.housing_tenure", pick(TENURE), false);
        text(subject, "subject.school_college", child ? pick(SCHOOLS) : "N/A", false);
        sections.add(section("subject", 2, subject, null, null));

        sections.add(section("persons", 3, null, persons(address, first), null));

        List<Topic> topics = new ArrayList<>();
        String subjectPart = partWord("subject");
        String othersPart = partWord("others");
        for (String key : List.of("involvement.original_contact", "involvement.status", "involvement.summary",
                "involvement.other_agencies")) {
            String s = key.endsWith("other_agencies") ? pick(AGENCY_LISTS) : sentences(WORK, 1 + random.nextInt(2),
                    first);
            String o = random.nextInt(4) == 0 ? "" : key.endsWith("other_agencies") ? pick(AGENCY_LISTS)
                    : sentences(WORK, 1, first);
            if (!s.equals(o)) {
                topics.add(new Topic(key, label(key), subjectPart, s, othersPart, o));
                truth.put(key + ".subject", s);
                if (!o.isBlank()) {
                    truth.put(key + ".others", o);
                }
            }
        }
        reorder(topics, 0.2);
        List<Row> partnership = new ArrayList<>();
        text(partnership, "involvement.partnership_working", "Agencies shared information late and there was no joint"
                + " plan.", true);
        sections.add(section("involvement", 4, partnership, null, topics));

        List<Row> referrer = new ArrayList<>();
        String referrerFirst = pick(random.nextBoolean() ? FIRST_F : FIRST_M);
        String referrerLast = pick(SURNAMES);
        text(referrer, "referrer.name", referrerFirst + " " + referrerLast, false);
        String agency = pick(AGENCIES);
        text(referrer, "referrer.agency", agency, false);
        text(referrer, "referrer.role", pick(ROLES), false);
        String phone = random.nextBoolean() ? String.format("020 7946 0%03d", random.nextInt(1000))
                : String.format("07700 900%03d", random.nextInt(1000));
        String email = referrerFirst.toLowerCase(Locale.ROOT).charAt(0) + "." + referrerLast.toLowerCase(Locale.ROOT)
                + "@" + (agency.contains("Police") ? "met.police.uk" : agency.startsWith("LB") ? "redbridge.gov.uk"
                        : "nhs.net");
        if (random.nextBoolean()) {
            referrer.add(new Row("referrer.contact", label("referrer.contact"), phone + " / " + email));
            truth.put("referrer.phone", phone);
            truth.put("referrer.email", email);
        } else {
            row(referrer, "referrer.phone", phone, phone);
            row(referrer, "referrer.email", email, email);
        }
        text(referrer, "referrer.manager", pick(FIRST_F) + " " + pick(SURNAMES), false);
        text(referrer, "referrer.internal_review", pick(REVIEW), false);
        text(referrer, "referrer.lessons_learnt", pick(LESSONS), false);
        text(referrer, "referrer.considerations", pick(CONSIDERATIONS), false);
        sections.add(section("referrer", 5, referrer, null, null));

        String title = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "One Panel referral";
            case 2 -> "Referral to the Redbridge One Panel";
            default -> "Redbridge 'One Panel' Case Referral Form";
        };
        return new VariantForm(title, sections, truth, style);
    }

    private List<Person> persons(String subjectAddress, String subjectFirst) {
        int count = 1 + random.nextInt(3);
        List<Person> persons = new ArrayList<>();
        List<String> order = null;
        // one copy of the form words the rows of every person alike
        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : List.of("name", "date_of_birth", "relationship", "address", "other_info")) {
            labels.put(k, label("persons." + k));
        }
        for (int i = 0; i < count; i++) {
            String prefix = "persons." + i + ".";
            truth.put(prefix + "role", i == 0 ? "next_of_kin" : "other");
            boolean female = random.nextBoolean();
            List<Row> rows = new ArrayList<>();
            String name = pick(female ? FIRST_F : FIRST_M) + " " + pick(SURNAMES);
            rows.add(new Row("name", labels.get("name"), name));
            truth.put(prefix + "name", name);
            if (random.nextInt(5) > 0) {
                LocalDate dob = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
                rows.add(new Row("date_of_birth", labels.get("date_of_birth"), dates.write(dob)));
                truth.put(prefix + "date_of_birth", dob.toString());
            } else {
                rows.add(new Row("date_of_birth", labels.get("date_of_birth"), ""));
            }
            String relationship = pick(RELATIONSHIP);
            rows.add(new Row("relationship", labels.get("relationship"), relationship));
            truth.put(prefix + "relationship", relationship);
            String address = random.nextInt(3) == 0 ? subjectAddress : random.nextInt(5) == 0 ? "Not known"
                    : address(PLACES[random.nextInt(PLACES.length)]);
            rows.add(new Row("address", labels.get("address"), address));
            truth.put(prefix + "address", address);
            if (random.nextInt(3) > 0) {
                String info = pick(INFO);
                rows.add(new Row("other_info", labels.get("other_info"), info));
                truth.put(prefix + "other_info", info);
            } else {
                rows.add(new Row("other_info", labels.get("other_info"), ""));
            }
            // the same copy of the form has the same rows for every person: reorder once, apply to all
            if (order == null) {
                List<String> keys = new ArrayList<>(rows.stream().map(Row::key).toList());
                reorderKeys(keys, 0.25);
                if (random.nextInt(6) == 0) {
                    keys.remove(random.nextInt(2) == 0 ? "other_info" : "date_of_birth");
                }
                order = keys;
            }
            List<Row> ordered = new ArrayList<>();
            for (String k : order) {
                rows.stream().filter(r -> r.key().equals(k)).findFirst().ifPresent(ordered::add);
            }
            for (Row r : rows) {
                if (!order.contains(r.key())) {
                    truth.remove(prefix + r.key());
                }
            }
            String heading = random.nextInt(12) == 0 ? null : personHeading(i);
            persons.add(new Person(heading, ordered));
        }
        return persons;
    }

    private String personHeading(int index) {
        String role = index == 0 ? "next_of_kin" : "other";
        String words;
        if (random.nextDouble() < rewording) {
            words = pick(paraphrases.person(role, split));
        } else {
            words = index == 0 ? "Next of kin / nearest relative / nearest relevant person"
                    : "Other relevant person / family member / friend";
        }
        words = words.replace("Person 2", "Person " + (index + 1));
        return switch (random.nextInt(3)) {
            case 0 -> (char) ('a' + index) + ". " + words;
            case 1 -> "(" + (char) ('a' + index) + ") " + words;
            default -> words;
        };
    }

    private String partWord(String part) {
        if (random.nextDouble() < rewording * 0.6) {
            return pick(paraphrases.part(part, split));
        }
        return part.equals("subject") ? "Subject" : "Others";
    }

    private Section section(String key, int number, List<Row> rows, List<Person> persons, List<Topic> topics) {
        if (rows != null) {
            rows = thin(rows);
            reorder(rows, 0.35);
        }
        String words = random.nextDouble() < rewording ? pick(paraphrases.heading(key, split)) : OFFICIAL_HEADINGS.get(key);
        String heading = switch (random.nextInt(5)) {
            case 0 -> words;
            case 1 -> "Section " + number + " - " + words;
            case 2 -> number + ") " + words;
            default -> number + ". " + words;
        };
        return new Section(key, heading, rows == null ? List.of() : rows, persons == null ? List.of() : persons,
                topics == null ? List.of() : topics);
    }

    /** Optional rows deleted (the row gone from the copy) now and then. */
    private List<Row> thin(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (!REQUIRED.contains(r.key()) && !r.key().startsWith("referrer.") && random.nextInt(12) == 0) {
                truth.remove(r.key());
                continue;
            }
            out.add(r);
        }
        return out;
    }

    /** Rows moved: sometimes the whole section shuffled, sometimes two neighbours swapped. */
    private <T> void reorder(List<T> rows, double chance) {
        if (rows.size() < 2) {
            return;
        }
        double roll = random.nextDouble();
        if (roll < chance / 2) {
            Collections.shuffle(rows, random);
        } else if (roll < chance) {
            int i = random.nextInt(rows.size() - 1);
            Collections.swap(rows, i, i + 1);
        }
    }

    private void reorderKeys(List<String> keys, double chance) {
        reorder(keys, chance);
    }

    private void date(List<Row> rows, String key, LocalDate date) {
        if (!REQUIRED.contains(key) && random.nextInt(15) == 0) {
            rows.add(new Row(key, label(key), ""));
            return;
        }
        row(rows, key, dates.write(date), date.toString());
    }

    private void text(List<Row> rows, String key, String value, boolean longText) {
        if (!REQUIRED.contains(key) && random.nextInt(15) == 0) {
            rows.add(new Row(key, label(key), ""));
            return;
        }
        row(rows, key, value, value);
    }

    private void row(List<Row> rows, String key, String written, String canonical) {
        rows.add(new Row(key, label(key), written));
        truth.put(key, canonical);
    }

    /** Appendix E's wording, or a paraphrase from this form's half of the lists. */
    private String label(String key) {
        if (random.nextDouble() < rewording) {
            return pick(paraphrases.field(key, split));
        }
        return OFFICIAL.get(key);
    }

    private String sentences(String[] pool, int n, String first) {
        List<String> all = new ArrayList<>(List.of(pool));
        Collections.shuffle(all, random);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(all.get(i), first));
        }
        return sb.toString();
    }

    private String address(String[] place) {
        return (random.nextInt(4) == 0 ? "Flat " + (1 + random.nextInt(20)) + ", " : "") + (1 + random.nextInt(180))
                + " " + pick(STREETS) + ", " + place[0] + " " + place[1];
    }

    private String nhsNumber() {
        while (true) {
            String nine = String.format("999%06d", random.nextInt(1_000_000));
            int check = NhsNumbers.checkDigit(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** How dates are written on one copy. */
    enum DateStyle {
        DMY("dd/MM/yyyy"), DMY_NOPAD("d/M/yyyy"), DMY_YY("d/M/yy"), DOTTED("dd.MM.yyyy"), LONG("d MMMM yyyy"),
        ABBREVIATED("d MMM yyyy"), ORDINAL(null);

        private final String pattern;

        DateStyle(String pattern) {
            this.pattern = pattern;
        }

        String write(LocalDate d) {
            if (pattern == null) {
                int day = d.getDayOfMonth();
                String suffix = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd"
                        : day % 10 == 3 && day != 13 ? "rd" : "th";
                return day + suffix + " " + d.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
            }
            return d.format(DateTimeFormatter.ofPattern(pattern, Locale.UK));
        }
    }
}
