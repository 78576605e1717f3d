package uk.gov.redbridge.onepanel.links.internal;

import java.util.List;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;

/**
 * How far two names agree. Family names agree when they share a word (Smith-Jones and Jones); given names when the
 * first given names are the same, are one name by the nickname list, or one is the other's initial. Spelling
 * variants (Aisha and Ayesha, Katharine and Catherine) agree less: Jaro-Winkler similarity of at least 0.90, or the
 * same Double Metaphone code and a similarity of at least 0.80 (so that John and Jane, which sound alike to Double
 * Metaphone, do not agree). Names written the other way round are compared too.
 */
public final class NameComparison {

    /** Best first. */
    public enum Level { EXACT, VARIANT, INITIAL, NONE }

    public record Result(Level level, boolean nickname, boolean swapped) {

        static final Result NONE = new Result(Level.NONE, false, false);

        boolean betterThan(Result other) {
            return level.ordinal() < other.level.ordinal()
                    || level == other.level && !swapped && other.swapped;
        }
    }

    static final double SIMILAR = 0.90;
    static final double SIMILAR_SOUNDING = 0.80;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final Nicknames nicknames;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    public NameComparison(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /** The best agreement between any name of one person and any of the other's. */
    public Result best(List<PersonName> a, List<PersonName> b) {
        Result best = Result.NONE;
        for (PersonName x : a) {
            for (PersonName y : b) {
                Result r = compare(x, y);
                if (r.betterThan(best)) {
                    best = r;
                }
                Result swapped = compare(x, new PersonName(y.family(), y.given()));
                if (swapped.level() != Level.NONE) {
                    swapped = new Result(swapped.level(), swapped.nickname(), true);
                }
                if (swapped.betterThan(best)) {
                    best = swapped;
                }
            }
        }
        return best;
    }

    Result compare(PersonName x, PersonName y) {
        if (!x.isComplete() || !y.isComplete()) {
            return Result.NONE;
        }
        Level family = Level.NONE;
        for (String fx : x.family()) {
            for (String fy : y.family()) {
                Level l = fx.equals(fy) ? Level.EXACT : spelling(fx, fy);
                if (l.ordinal() < family.ordinal()) {
                    family = l;
                }
            }
        }
        if (family == Level.NONE) {
            return Result.NONE;
        }
        String gx = x.firstGiven();
        String gy = y.firstGiven();
        boolean nickname = false;
        Level given;
        if (gx.equals(gy) || x.given().stream().filter(w -> w.length() > 1).anyMatch(y.given()::contains)) {
            given = Level.EXACT;
        } else if (nicknames.sameName(gx, gy)) {
            given = Level.EXACT;
            nickname = true;
        } else if (gx.length() == 1 || gy.length() == 1) {
            given = gx.charAt(0) == gy.charAt(0) ? Level.INITIAL : Level.NONE;
        } else {
            given = spelling(gx, gy);
        }
        if (given == Level.NONE) {
            return Result.NONE;
        }
        if (given == Level.INITIAL) {
            // an initial is enough only beside the same family name
            return family == Level.EXACT ? new Result(Level.INITIAL, false, false) : Result.NONE;
        }
        Level level = family == Level.EXACT && given == Level.EXACT ? Level.EXACT : Level.VARIANT;
        return new Result(level, nickname, false);
    }

    /** VARIANT when two different words are spelt alike enough, else NONE. */
    Level spelling(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return Level.NONE;
        }
        double similarity = JARO_WINKLER.apply(a, b);
        if (similarity >= SIMILAR) {
            return Level.VARIANT;
        }
        if (similarity >= SIMILAR_SOUNDING && metaphone.isDoubleMetaphoneEqual(a, b)) {
            return Level.VARIANT;
        }
        return Level.NONE;
    }

    /** The Double Metaphone code of a word: what a blocking key carries, so that names spelt alike meet. */
    public String sound(String word) {
        String code = metaphone.doubleMetaphone(word);
        return code == null || code.isEmpty() ? word : code;
    }
}
