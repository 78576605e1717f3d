package uk.gov.redbridge.onepanel.links.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK address reduced to what identifies a home: the postcode (exact, written without its space) and the premise
 * (flat and house number, or the house name when there is no number). "Flat 9, 41 Tanners Lane, Barkingside IG6 1QE"
 * is IG61QE and 9/41; "Rose Cottage, Vicarage Lane, IG7 6AA" is IG76AA and "rose cottage". Without a postcode or a
 * premise there is nothing to compare.
 */
public final class Addresses {

    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{2})\\b");
    private static final Pattern FLAT = Pattern.compile(
            "\\b(?:flat|apartment|apt|unit|room|maisonette)\\.?\\s*(?:no\\.?\\s*)?([0-9]+[a-z]?|[a-z])\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b([0-9]+[a-z]?)\\b");
    private static final Pattern RANGE = Pattern.compile("\\b([0-9]+)\\s*-\\s*[0-9]+\\b");

    private Addresses() {
    }

    public record Home(String postcode, String premise) {
    }

    /** The home an address names, or null when it gives no postcode or no premise. */
    public static Home of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String collapsed = address.replaceAll("\\s+", " ");
        String upper = collapsed.toUpperCase(Locale.ROOT);
        if (upper.length() != collapsed.length()) {
            collapsed = upper;
        }
        Matcher pc = POSTCODE.matcher(upper);
        String postcode = null;
        int postcodeStart = upper.length();
        while (pc.find()) {
            postcode = pc.group(1).replace(" ", "");
            postcodeStart = pc.start();
        }
        if (postcode == null) {
            return null;
        }
        String rest = collapsed.substring(0, postcodeStart).toLowerCase(Locale.ROOT);
        rest = RANGE.matcher(rest).replaceAll("$1");
        String flat = null;
        Matcher f = FLAT.matcher(rest);
        if (f.find()) {
            flat = f.group(1);
            rest = rest.substring(0, f.start()) + " " + rest.substring(f.end());
        }
        Matcher n = NUMBER.matcher(rest);
        String premise;
        if (n.find()) {
            premise = n.group(1);
        } else {
            String firstPart = Names.fold(rest.split(",")[0]);
            if (firstPart.isEmpty() || flat != null) {
                premise = null;
            } else {
                premise = firstPart;
            }
        }
        if (premise == null && flat == null) {
            return null;
        }
        String whole = flat == null ? premise : flat + "/" + (premise == null ? "" : premise);
        return new Home(postcode, whole);
    }
}
