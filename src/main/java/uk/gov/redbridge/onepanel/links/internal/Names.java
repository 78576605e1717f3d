package uk.gov.redbridge.onepanel.links.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as the forms write them, made comparable: case and accents folded (Zoë and ZOE), apostrophes dropped
 * (O'Brien and OBrien), hyphens and full stops as spaces (Smith-Jones is Smith and Jones; M. is the initial M), titles
 * left out. A name written in one box is read as "Family, Given" when it has a comma, as "FAMILY Given" when only the
 * first word is in capitals (as police forms write it), and otherwise as given names then the family name.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "master", "prof",
            "professor", "rev", "revd", "sir", "dame", "lady", "lord", "baby", "infant");
    /** What a form writes where there is no name. */
    private static final Set<String> PLACEHOLDERS = Set.of("not known", "unknown", "n a", "na", "none", "nil",
            "not given", "tbc", "withheld", "redacted");

    private Names() {
    }

    /** Lower case, no accents, no apostrophes, letters and single spaces only. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l")
                .replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("Œ", "oe");
        s = APOSTROPHES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return NOT_LETTERS.matcher(s).replaceAll(" ").strip();
    }

    /** A name from the form's two boxes (subject: first name, last name). */
    public static PersonName ofParts(String given, String family) {
        return new PersonName(words(given), words(family)).orEmpty();
    }

    /** A name written in one box (section 3). */
    public static PersonName ofWhole(String written) {
        if (written == null || written.isBlank()) {
            return PersonName.EMPTY;
        }
        String text = written.strip();
        int comma = text.indexOf(',');
        if (comma > 0) {
            return new PersonName(words(text.substring(comma + 1)), words(text.substring(0, comma))).orEmpty();
        }
        // each written word, folded to one or more words (Smith-Jones is two), with whether it was in capitals
        List<List<String>> parts = new ArrayList<>();
        List<Boolean> capitals = new ArrayList<>();
        for (String r : text.split("\\s+")) {
            String f = fold(r);
            if (f.isEmpty() || TITLES.contains(f)) {
                continue;
            }
            parts.add(List.of(f.split(" ")));
            long letters = r.chars().filter(Character::isLetter).count();
            capitals.add(letters > 1 && r.equals(r.toUpperCase(Locale.ROOT)) && !r.equals(r.toLowerCase(Locale.ROOT)));
        }
        List<String> all = parts.stream().flatMap(List::stream).toList();
        if (all.isEmpty() || PLACEHOLDERS.contains(String.join(" ", all))) {
            return PersonName.EMPTY;
        }
        if (parts.size() == 1) {
            return new PersonName(all, List.of());
        }
        // "OKAFOR Aisha": only the first word in capitals is the family name parts first
        if (capitals.get(0) && capitals.stream().skip(1).noneMatch(c -> c)) {
            return new PersonName(parts.subList(1, parts.size()).stream().flatMap(List::stream).toList(),
                    parts.get(0));
        }
        return new PersonName(parts.subList(0, parts.size() - 1).stream().flatMap(List::stream).toList(),
                parts.get(parts.size() - 1));
    }

    private static List<String> words(String text) {
        String f = fold(text);
        if (f.isEmpty() || PLACEHOLDERS.contains(f)) {
            return List.of();
        }
        return Arrays.stream(f.split(" ")).filter(w -> !TITLES.contains(w)).toList();
    }

    /**
     * Given names and family names, folded. A given name of one letter is an initial.
     */
    public record PersonName(List<String> given, List<String> family) {

        public static final PersonName EMPTY = new PersonName(List.of(), List.of());

        public PersonName {
            given = List.copyOf(given);
            family = List.copyOf(family);
        }

        public boolean isEmpty() {
            return given.isEmpty() && family.isEmpty();
        }

        /** Both a given name and a family name: enough to compare. */
        public boolean isComplete() {
            return !given.isEmpty() && !family.isEmpty();
        }

        PersonName orEmpty() {
            return isEmpty() ? EMPTY : this;
        }

        public String firstGiven() {
            return given.isEmpty() ? "" : given.get(0);
        }

        /** Kept in the database as "given words/family words". */
        public String encode() {
            return String.join(" ", given) + "/" + String.join(" ", family);
        }

        public static PersonName decode(String encoded) {
            int slash = encoded.indexOf('/');
            String g = encoded.substring(0, slash).strip();
            String f = encoded.substring(slash + 1).strip();
            return new PersonName(g.isEmpty() ? List.of() : List.of(g.split(" ")),
                    f.isEmpty() ? List.of() : List.of(f.split(" ")));
        }
    }
}
