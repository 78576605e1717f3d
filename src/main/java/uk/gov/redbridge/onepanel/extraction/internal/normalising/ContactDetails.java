package uk.gov.redbridge.onepanel.extraction.internal.normalising;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers and email addresses: their shapes, and splitting a "Tel no. / email" answer into the two.
 * Telephone numbers are kept as written (with any extension), only the words around them removed.
 */
public final class ContactDetails {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern EMAIL_ONLY = Pattern.compile("^" + EMAIL.pattern() + "$");
    private static final Pattern PHONE_WORDS = Pattern.compile(
            "(?i)\\b(?:contact\\s*(?:tel(?:ephone)?\\.?\\s*(?:no\\.?|number)?|number|details)?|tel(?:ephone)?\\.?"
                    + "\\s*(?:no\\.?|number)?|phone(?:\\s*(?:no\\.?|number))?|mob(?:ile)?\\.?\\s*(?:no\\.?|number)?"
                    + "|direct(?:\\s*line)?|office|work|t|m)\\s*[:.\\-]?\\s*");
    private static final Pattern EMAIL_WORDS = Pattern.compile("(?i)\\b(?:e-?mail(?:\\s*address)?|secure\\s*e-?mail)"
            + "\\s*[:.\\-]?\\s*");

    private ContactDetails() {
    }

    public record Split(String phone, String email) {
    }

    /** Splits "020 7946 0053 / j.smith@agency.gov.uk" (or "Tel: ... Email: ...") into its parts. */
    public static Split split(String text) {
        if (text == null || text.isBlank()) {
            return new Split(null, null);
        }
        String email = null;
        Matcher m = EMAIL.matcher(text);
        String rest = text;
        if (m.find()) {
            email = m.group();
            rest = text.substring(0, m.start()) + " " + text.substring(m.end());
        }
        rest = rest.replaceAll("(?i)mailto:", " ");
        rest = EMAIL_WORDS.matcher(rest).replaceAll(" ");
        String phone = phone(rest);
        return new Split(phone == null || phone.isBlank() ? null : phone, email);
    }

    /** The telephone number in a text, as written, without the words and separators around it. */
    public static String phone(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace('\n', ' ');
        s = PHONE_WORDS.matcher(s).replaceAll(" ");
        s = s.replaceAll("[<>]", " ");
        // separators left between or around the parts
        s = s.replaceAll("^[\\s/|,;:.\\-]+", "").replaceAll("[\\s/|,;:\\-]+$", "");
        s = s.replaceAll("\\s*(?:/|\\||;|\\band\\b|\\bor\\b)\\s*$", "");
        s = s.replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    public static boolean looksLikeUkPhone(String phone) {
        if (phone == null) {
            return false;
        }
        String main = phone.toLowerCase(Locale.ROOT).split("\\s*(?:ext\\.?|extension|x)\\s*\\d", 2)[0];
        if (!main.matches("[+0-9 ()\\-.]+")) {
            return false;
        }
        String digits = main.replaceAll("\\D", "");
        if (main.strip().startsWith("+44") || main.strip().startsWith("0044")) {
            String national = digits.replaceFirst("^(?:00)?44", "").replaceFirst("^0", "");
            return national.length() >= 9 && national.length() <= 10;
        }
        return digits.startsWith("0") && digits.length() >= 10 && digits.length() <= 11;
    }

    /** The email address in a text (without "Email:" or "mailto:"), or null. */
    public static String email(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EMAIL.matcher(text);
        return m.find() ? m.group() : null;
    }

    public static boolean looksLikeEmail(String email) {
        return email != null && EMAIL_ONLY.matcher(email.strip()).matches();
    }
}
