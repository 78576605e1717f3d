package uk.gov.redbridge.onepanel.links.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;

/**
 * Made-up referral forms in bulk for the matching benchmark: a subject and four persons of section 3 each, names drawn
 * with a skew (a few common, many rare, as a real log's), dates of birth over 95 years (some missing), NHS numbers
 * from the 999 test range with a valid check digit, homes in a few thousand made-up postcodes. Seeded: the same
 * log every run.
 */
final class SyntheticFamilies {

    private static final String[] GIVEN = {"Amara", "Aisha", "Ayesha", "Mohammed", "Muhammad", "Olivia", "Oliver",
            "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Sophia", "Leo", "Grace", "Arthur",
            "Lily", "Oscar", "Freya", "Charlie", "Emily", "Jacob", "Ella", "Thomas", "Poppy", "Henry", "Zara",
            "Ibrahim", "Fatima", "Yusuf", "Maryam", "Ali", "Hannah", "Adam", "Sara", "Kofi", "Ama", "Kwame",
            "Chloe", "Daniel", "Ruby", "Samuel", "Evie", "Joseph", "Alice", "William", "Florence", "James", "Elsie",
            "Robert", "Margaret", "Catherine", "Katherine", "Elizabeth", "David", "Susan", "Peter", "Patricia",
            "Tomasz", "Agnieszka", "Priya", "Arjun", "Deepa", "Rohan", "Nadia", "Lena", "Joyce", "Dean", "Leanne",
            "Callum", "Dorothy", "Graham", "Maureen", "Edith", "Imogen", "Ottoline", "Rowan", "Perpetua", "Tunde",
            "Chidi", "Ngozi", "Emeka", "Bilal", "Hamza", "Sana", "Ayaan", "Ines", "Mateo", "Lucia", "Marta"};
    private static final String[] SYLLABLES = {"ad", "al", "an", "ar", "ash", "bar", "bel", "ben", "bro", "cal",
            "car", "chi", "dal", "den", "don", "el", "fair", "far", "gar", "gol", "ham", "har", "hol", "ing", "kar",
            "ken", "kow", "lan", "ley", "lin", "mac", "man", "mar", "mel", "men", "mor", "nak", "nel", "nor", "ok",
            "ol", "on", "or", "pal", "par", "pen", "quin", "ram", "ren", "rid", "rob", "sah", "san", "sel", "sha",
            "sin", "son", "ster", "tal", "tan", "ter", "ton", "vak", "var", "ven", "wal", "war", "wes", "win", "yar"};
    private static final String[] RELATIONSHIPS = {"Mother", "Father", "Partner", "Son", "Daughter", "Sister",
            "Brother", "Grandmother", "Neighbour", "Carer"};

    private final Random random;
    private final List<String> surnames = new ArrayList<>();
    private final List<String> postcodes = new ArrayList<>();

    SyntheticFamilies(long seed) {
        random = new Random(seed);
        for (String a : SYLLABLES) {
            for (String b : SYLLABLES) {
                surnames.add(Character.toUpperCase(a.charAt(0)) + a.substring(1) + b);
            }
        }
        java.util.Collections.shuffle(surnames, random);
        String[] areas = {"IG1", "IG2", "IG3", "IG4", "IG5", "IG6", "IG7", "IG8", "IG11", "E11", "E12", "RM6", "RM7"};
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        for (String area : areas) {
            for (int i = 0; i < 250; i++) {
                postcodes.add(area + " " + (1 + random.nextInt(9)) + letters.charAt(random.nextInt(letters.length()))
                        + letters.charAt(random.nextInt(letters.length())));
            }
        }
    }

    /** A made-up person. */
    record Person(String given, String family, LocalDate born, String nhs, String address, String relationship) {

        String name() {
            return given + " " + family;
        }
    }

    Person person(boolean subject) {
        String given = GIVEN[skewed(GIVEN.length)];
        String family = surnames.get(skewed(surnames.size()));
        LocalDate born = random.nextInt(100) < (subject ? 97 : 70)
                ? LocalDate.of(1930, 1, 1).plusDays(random.nextInt(95 * 365)) : null;
        String nhs = subject && random.nextInt(100) < 80 ? nhs() : null;
        String address = random.nextInt(100) < 85 ? (1 + random.nextInt(200)) + " Some Road, Ilford "
                + postcodes.get(random.nextInt(postcodes.size())) : "Not known";
        return new Person(given, family, born, nhs, address, subject ? null
                : RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)]);
    }

    /** A subject and four persons of section 3. */
    List<Person> family() {
        List<Person> out = new ArrayList<>();
        out.add(person(true));
        for (int i = 0; i < 4; i++) {
            out.add(person(false));
        }
        return out;
    }

    /** The form a family's referral gives. */
    static FilledForm form(List<Person> family) {
        Map<String, String> v = new LinkedHashMap<>();
        Person s = family.get(0);
        v.put("subject.first_name", s.given());
        v.put("subject.last_name", s.family());
        put(v, "subject.date_of_birth", s.born() == null ? null : s.born().toString());
        put(v, "subject.nhs_number", s.nhs());
        v.put("subject.address", s.address());
        for (int i = 1; i < family.size(); i++) {
            Person p = family.get(i);
            String k = "persons." + (i - 1) + ".";
            v.put(k + "role", i == 1 ? "next_of_kin" : "other");
            v.put(k + "name", p.name());
            put(v, k + "date_of_birth", p.born() == null ? null : p.born().toString());
            v.put(k + "relationship", p.relationship());
            v.put(k + "address", p.address());
        }
        List<ExtractedField> fields = new ArrayList<>();
        v.forEach((key, value) -> fields.add(new ExtractedField(key, value, value, 1.0, null, List.of())));
        return new FilledForm("appendix-e-v1", fields);
    }

    /** A family of which one person (the first) was in an earlier referral, named as a mother there. */
    List<Person> familyKnownFrom(List<Person> earlier) {
        List<Person> out = family();
        Person known = earlier.get(random.nextInt(earlier.size()));
        out.set(1, new Person(known.given(), known.family(), known.born(), null, known.address(), "Mother"));
        return out;
    }

    private int skewed(int n) {
        // about Zipf-like: a few values often, most rarely
        double u = random.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(u, 2.2) * n));
    }

    private String nhs() {
        while (true) {
            String nine = "999" + String.format("%06d", random.nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }
}
