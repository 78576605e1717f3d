package uk.gov.redbridge.onepanel.extraction.internal.normalising;

/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit (NHS Data Dictionary). A number that fails the check is
 * never "corrected": it is kept as written and flagged, because a wrong digit can point at another person.
 */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    /** The ten digits, when the text is a ten-digit number written with optional spaces, dashes or dots. */
    public static String digits(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (!s.matches("[0-9][0-9 \\-.\u2013]*[0-9]")) {
            return null;
        }
        String d = s.replaceAll("\\D", "");
        return d.length() == 10 ? d : null;
    }

    /** Whether ten digits carry a valid Modulus 11 check digit. */
    public static boolean valid(String tenDigits) {
        if (tenDigits == null || !tenDigits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        // a remainder giving 10 means no valid number has these first nine digits
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }

    /** The check digit that makes nine digits a valid NHS number, or -1 when none does. For test data. */
    public static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
