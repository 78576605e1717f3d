package uk.gov.redbridge.onepanel.links.internal;

/** An NHS number counts only as ten digits with a valid Modulus 11 check digit (NHS Data Dictionary). */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The ten digits, or null if the text is not a valid NHS number. */
    public static String valid(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0' ? digits : null;
    }
}
