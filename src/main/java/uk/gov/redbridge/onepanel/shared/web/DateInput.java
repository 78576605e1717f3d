package uk.gov.redbridge.onepanel.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * A date typed in the GOV.UK date input: three boxes, day, month and year, named {@code <name>-day},
 * {@code <name>-month} and {@code <name>-year}. Never the browser's own date picker, which reads and writes dates in
 * the browser's locale: an en-US browser turned 01/03/2027 into 3 January. Checked as the Design System asks: one
 * message per field, saying what is wrong ("must include a month", "must be a real date").
 *
 * @param day   as typed, for showing the field again
 * @param error the message for the field, or null
 */
public record DateInput(String name, String day, String month, String year, LocalDate date, String error,
        Part wrong) {

    /** Which box the error is about, for the link and the red border. */
    public enum Part { DAY, MONTH, YEAR, ALL }

    /**
     * Reads the three boxes.
     *
     * @param parameter the request's parameters by name (e.g. {@code request::getParameter})
     * @param label     the field's name in messages, e.g. "The date of the meeting"
     * @param required  whether a blank date is an error
     */
    public static DateInput read(Function<String, String> parameter, String name, String label, boolean required) {
        String d = strip(parameter.apply(name + "-day"));
        String m = strip(parameter.apply(name + "-month"));
        String y = strip(parameter.apply(name + "-year"));
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return new DateInput(name, d, m, y, null, required ? "Enter " + lower(label) : null,
                    required ? Part.ALL : null);
        }
        if (d.isEmpty()) {
            return wrong(name, d, m, y, label + " must include a day", Part.DAY);
        }
        if (m.isEmpty()) {
            return wrong(name, d, m, y, label + " must include a month", Part.MONTH);
        }
        if (y.isEmpty()) {
            return wrong(name, d, m, y, label + " must include a year", Part.YEAR);
        }
        if (!d.matches("\\d{1,2}")) {
            return wrong(name, d, m, y, label + " must be a real date", Part.DAY);
        }
        Integer month = month(m);
        if (month == null) {
            return wrong(name, d, m, y, label + " must be a real date", Part.MONTH);
        }
        if (!y.matches("\\d{4}")) {
            return wrong(name, d, m, y, "The year must include 4 numbers", Part.YEAR);
        }
        try {
            return new DateInput(name, d, m, y, LocalDate.of(Integer.parseInt(y), month, Integer.parseInt(d)), null,
                    null);
        } catch (DateTimeException e) {
            return wrong(name, d, m, y, label + " must be a real date", Part.ALL);
        }
    }

    /** The boxes filled from a date (or empty), for a form shown for the first time. */
    public static DateInput of(String name, LocalDate date) {
        return date == null ? new DateInput(name, "", "", "", null, null, null)
                : new DateInput(name, Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()), date, null, null);
    }

    public boolean valid() {
        return error == null;
    }

    public boolean blank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The id the error summary links to: the first box in error (GOV.UK). */
    public String href() {
        return "#" + name + "-" + (wrong == Part.MONTH ? "month" : wrong == Part.YEAR ? "year" : "day");
    }

    public boolean dayWrong() {
        return wrong == Part.DAY || wrong == Part.ALL;
    }

    public boolean monthWrong() {
        return wrong == Part.MONTH || wrong == Part.ALL;
    }

    public boolean yearWrong() {
        return wrong == Part.YEAR || wrong == Part.ALL;
    }

    private static DateInput wrong(String name, String d, String m, String y, String message, Part part) {
        return new DateInput(name, d, m, y, null, message, part);
    }

    /** A month as a number from 1 to 12, or its name or the first three letters of it (GOV.UK accepts both). */
    private static Integer month(String text) {
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= 12 ? n : null;
        }
        String t = text.toLowerCase(java.util.Locale.UK);
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"};
        for (int i = 0; i < names.length; i++) {
            if (t.length() >= 3 && names[i].startsWith(t)) {
                return i + 1;
            }
        }
        return null;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
