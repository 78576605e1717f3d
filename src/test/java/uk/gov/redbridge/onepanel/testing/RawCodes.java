package uk.gov.redbridge.onepanel.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.config.BeanDefinition;

/**
 * Finds what a person should never read on a page, in an export, a PDF or an email: a code where words belong. An
 * enum constant ({@code IN_PROGRESS}, {@code RECEIVED}), a form field's key ({@code subject.first_name}), a
 * snake-case code ({@code next_of_kin}, {@code attached_to_request}), an audit action ({@code api.requests-read}), a
 * mailbox's key ({@code rsab}), an agency's code where its name belongs ({@code LBR-ASC}), an ISO date
 * ({@code 2026-03-12}: GOV.UK writes "12 March 2026"), a time abbreviated ({@code 12 s}), or the service's own
 * workings ({@code form-mappings/}, a Java exception's name).
 * Addresses, file names, references and the subject tokens that tie mail to a request are left out first: they are
 * what they are.
 */
public final class RawCodes {

    /** Acronyms that are words on their own (and some enum constants: SAR, CSPR, DHR are also what people say). */
    static final Set<String> ACRONYMS = Set.of("SAR", "CSPR", "DHR", "DARDR", "NHS", "GP", "CSV", "PDF", "UK", "OK",
            "NELFT", "BHRUT", "RSAB", "RSCP", "VAWG", "DOLS", "ICS", "NEL", "LB", "II", "III", "IV", "DCI", "BCU",
            "HASS", "API", "JSON", "SIN", "CP", "CYP", "MASH", "ASC", "CSC", "CSP", "OFFICIAL", "SENSITIVE");

    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[\\s*OP-\\d{4}-\\d{4,6}\\s*/\\s*[A-Za-z0-9-]+\\s*]");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w.-]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+|/(?:referrals|exceptions|meetings|api|reports|reviews)/\\S*");
    private static final Pattern FILE = Pattern.compile("[\\w .()'-]*\\.(?:docx?|pdf|txt|odt|rtf|png|jpe?g|tiff?|eml|xlsx|csv|dat|html?|exe)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN = Pattern.compile("\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:uk|net|com|org|example|invalid)\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\bOP-\\d{4}-\\d{4,6}\\b");

    private static final Pattern ENUM_WITH_UNDERSCORE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z]{2,}\\b");
    private static final Pattern FIELD_KEY = Pattern.compile(
            "\\b(?:referral|subject|persons|involvement|referrer|decision)\\.[a-z0-9_.]+\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[a-z]+(?:_[a-z0-9]+)+\\b");
    private static final Pattern AUDIT_ACTION = Pattern.compile(
            "\\b(?:api|case|review|document|exception|requests|log|audit|meeting|report|access|papers|link|sign-in-locks|sign-in)\\.[a-z]+(?:-[a-z]+)*\\b");
    private static final Pattern MAILBOX_KEY = Pattern.compile("\\b(?:onepanel|rsab|rscp)\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern WORKINGS = Pattern.compile(
            "form-mappings/|mail-templates/|\\bnull\\b|\\bOptional\\[|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    /** A length of time as a machine abbreviates it ("12 s", "20 min", "2 h"): GOV.UK writes "12 seconds". */
    private static final Pattern ABBREVIATED_TIME = Pattern.compile("\\b\\d+ (?:s|min|h)\\b");

    private final Set<String> enumNames;
    private final List<String> agencyCodes;

    /** @param agencyCodes the directory's codes that are not part of the agency's own name (LBR-ASC, MPS ...) */
    public RawCodes(List<String> agencyCodes) {
        this.enumNames = projectEnumNames();
        this.agencyCodes = List.copyOf(agencyCodes);
    }

    /** The visible text of a page: what its body says (not its markup, attribute values or scripts). */
    public static String visibleText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style").remove();
        return doc.title() + "\n" + doc.body().text();
    }

    /** As {@link #in(String)}, for a spreadsheet: its dates are ISO on purpose (a column a spreadsheet sorts). */
    public List<String> inData(String text) {
        return in(ISO_DATE.matcher(text).replaceAll(" "));
    }

    /** Every code found in the text, with a little of what is around it. */
    public List<String> in(String text) {
        String t = SUBJECT_TOKEN.matcher(text).replaceAll(" ");
        t = URL.matcher(t).replaceAll(" ");
        t = EMAIL.matcher(t).replaceAll(" ");
        t = FILE.matcher(t).replaceAll(" ");
        t = DOMAIN.matcher(t).replaceAll(" ");
        t = REFERENCE.matcher(t).replaceAll(" ");
        Set<String> found = new LinkedHashSet<>();
        find(ENUM_WITH_UNDERSCORE, t, found);
        Matcher caps = CAPITALS.matcher(t);
        while (caps.find()) {
            String word = caps.group();
            if (enumNames.contains(word) && !ACRONYMS.contains(word)) {
                found.add(around(t, caps));
            }
        }
        find(FIELD_KEY, t, found);
        find(SNAKE, t, found);
        find(AUDIT_ACTION, t, found);
        find(MAILBOX_KEY, t, found);
        find(ISO_DATE, t, found);
        find(WORKINGS, t, found);
        find(ABBREVIATED_TIME, t, found);
        for (String code : agencyCodes) {
            Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(t);
            while (m.find()) {
                found.add(around(t, m));
            }
        }
        return new ArrayList<>(found);
    }

    private static void find(Pattern p, String text, Set<String> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(around(text, m));
        }
    }

    private static String around(String text, Matcher m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        return "'" + m.group() + "' in: ..." + text.substring(from, to).replaceAll("\\s+", " ") + "...";
    }

    /** The constant names of every public enum of the service (the codes it keeps). */
    static Set<String> projectEnumNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> names = new java.util.HashSet<>();
        for (BeanDefinition d : scanner.findCandidateComponents("uk.gov.redbridge.onepanel")) {
            try {
                Class<?> type = Class.forName(d.getBeanClassName());
                if (type.isEnum() && !type.getName().contains(".internal.")) {
                    for (Object constant : type.getEnumConstants()) {
                        names.add(((Enum<?>) constant).name());
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** The text of a PDF, every page. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }
}
