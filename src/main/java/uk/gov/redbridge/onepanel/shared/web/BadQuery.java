package uk.gov.redbridge.onepanel.shared.web;

/**
 * A query parameter the page or the API cannot use (a page number that is not one, a status the service does not
 * have): answered with 400 and a GOV.UK error summary on a page, a problem (RFC 9457) in the API. The message says
 * what is wanted in plain words and never repeats what was sent: a query can carry anything, and it is not logged.
 *
 * @param parameter the parameter's name, as the address writes it
 */
public class BadQuery extends RuntimeException {

    private final String parameter;

    public BadQuery(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** A whole number from 1 (a page number), or a {@link BadQuery} naming the parameter. */
    public static int positiveNumber(String parameter, String text, String message) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,9}")) {
            throw new BadQuery(parameter, message);
        }
        int n = Integer.parseInt(t);
        if (n < 1) {
            throw new BadQuery(parameter, message);
        }
        return n;
    }
}
