package uk.gov.redbridge.onepanel.referrals.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import uk.gov.redbridge.onepanel.referrals.ReferralSearch;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.web.BadQuery;

/**
 * The referral log's filters as query parameters. Only references and codes go into a URL: a search by name is
 * held in the session and the URL carries an opaque key to it ({@code search}).
 *
 * @param q      a reference, or part of one
 * @param search the key of a name search held in the session
 */
record LogFilter(String status, String pathway, String mailbox, String from, String to, String agency, String q,
        String search, String page) {

    /** The page asked for, from 1; anything but a whole number from 1 is the sender's mistake (400). */
    public int pageNumber() {
        return BadQuery.positiveNumber("page", page, "Page numbers are whole numbers from 1");
    }

    /**
     * Refuses a filter the log does not have (a status or pathway that does not exist): silently ignoring it would
     * show every referral as if they matched.
     */
    void check(java.util.Collection<String> mailboxes, java.util.function.Predicate<String> knownAgency) {
        if (status != null && !status.isBlank() && CaseController.enumValue(ReferralStatus.class, status).isEmpty()) {
            throw new BadQuery("status", "Choose a status from the list");
        }
        if (pathway != null && !pathway.isBlank() && CaseController.enumValue(Pathway.class, pathway).isEmpty()) {
            throw new BadQuery("pathway", "Choose a pathway from the list");
        }
        if (mailbox != null && !mailbox.isBlank() && !mailboxes.contains(mailbox.strip())) {
            throw new BadQuery("mailbox", "Choose a mailbox from the list");
        }
        if (agency != null && !agency.isBlank() && !knownAgency.test(agency.strip())) {
            throw new BadQuery("agency", "Choose a referring agency from the list");
        }
        if (search != null && !search.isBlank() && !search.matches("[0-9a-f]{1,32}")) {
            throw new BadQuery("search", "That search has ended: search again");
        }
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

    /** The same filter with its dates as ISO (from the form's day, month and year boxes). */
    LogFilter withDates(LocalDate fromDate, LocalDate toDate) {
        return new LogFilter(status, pathway, mailbox, fromDate == null ? null : fromDate.toString(),
                toDate == null ? null : toDate.toString(), agency, q, search, page);
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
