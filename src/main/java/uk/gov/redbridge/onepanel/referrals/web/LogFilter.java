package uk.gov.redbridge.onepanel.referrals.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import uk.gov.redbridge.onepanel.referrals.ReferralSearch;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * The referral log's filters as query parameters. Only references and codes go into a URL: a search by name is
 * held in the session and the URL carries an opaque key to it ({@code search}).
 *
 * @param q      a reference, or part of one
 * @param search the key of a name search held in the session
 */
record LogFilter(String status, String pathway, String mailbox, String from, String to, String agency, String q,
        String search, Integer page) {

    public int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    /** Whether a text is fit for a URL: a reference or part of one (letters, digits, hyphens, with a digit). */
    static boolean referenceLike(String text) {
        return text != null && text.strip().matches("[A-Za-z0-9-]{1,20}") && text.matches(".*\\d.*");
    }

    ReferralSearch toSearch(String nameText, LocalDate today) {
        String text = referenceLike(q) ? q.strip() : nameText;
        return new ReferralSearch(CaseController.enumValue(ReferralStatus.class, status).orElse(null),
                CaseController.enumValue(Pathway.class, pathway).orElse(null), blankToNull(mailbox),
                date(from, today).orElse(null), date(to, today).orElse(null), blankToNull(agency), text);
    }

    static Optional<LocalDate> date(String text, LocalDate today) {
        return text == null || text.isBlank() ? Optional.empty() : FieldValues.date(text, today);
    }

    /** The filters as query parameters (without the page), for links: the export, the pages, "clear". */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "status", status);
        put(p, "pathway", pathway);
        put(p, "mailbox", mailbox);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "agency", agency);
        if (referenceLike(q)) {
            put(p, "q", q.strip());
        }
        put(p, "search", search);
        return p;
    }

    public String url(String path, Integer pageNumber) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        parameters().forEach(b::queryParam);
        if (pageNumber != null && pageNumber > 1) {
            b.queryParam("page", pageNumber);
        }
        return b.encode().build().toUriString();
    }

    public boolean any() {
        return !parameters().isEmpty();
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
