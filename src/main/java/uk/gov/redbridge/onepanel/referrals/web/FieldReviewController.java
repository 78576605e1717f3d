package uk.gov.redbridge.onepanel.referrals.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.extraction.Provenance;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * The field review: every field beside where it was read from, the doubtful ones (low confidence, or failing a
 * check) marked, all editable; "Confirm" records the corrections with the machine's values kept. What was typed
 * before a session timed out comes back as a draft (see system.internal.ExpiredFormHandler) for the same person.
 */
@Controller
class FieldReviewController {

    static final String VIEW = "referrals/review";
    private static final String DRAFT_PREFIX = "onepanel.draft:";

    private final ReferralLog referrals;
    private final FormExtractor extractor;
    private final Clock clock;

    FieldReviewController(ReferralLog referrals, FormExtractor extractor, Clock clock) {
        this.referrals = referrals;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** The review form: values by canonical key, and who typed them (a draft is only given back to them). */
    record ReviewForm(Map<String, String> fields, String draftOwner) {

        ReviewForm {
            fields = fields == null ? Map.of() : fields;
        }
    }

    /** One field as the page shows it. */
    record FieldView(FormFields.Field field, String value, boolean doubtful, List<String> doubts, String source,
            String asWritten, Integer confidencePercent, String errorKey) {

        public String id() {
            return field.id();
        }

        public String name() {
            return "fields[" + field.key() + "]";
        }

        public boolean longText() {
            return field.longText();
        }
    }

    record SectionView(String titleKey, List<FieldView> fields) {
    }

    @GetMapping(path = "/referrals/{reference}/review", name = "review.viewed")
    String review(@PathVariable String reference, HttpSession session, Principal principal, Model model) {
        Referral referral = find(reference);
        Map<String, String> values = currentValues(referral.form());
        Object draft = session.getAttribute(DRAFT_PREFIX + "/referrals/" + reference + "/review");
        session.removeAttribute(DRAFT_PREFIX + "/referrals/" + reference + "/review");
        if (draft instanceof Map<?, ?> parameters && principal != null
                && principal.getName().equals(first(parameters.get("draftOwner")))) {
            parameters.forEach((name, value) -> {
                String key = String.valueOf(name);
                if (key.startsWith("fields[") && key.endsWith("]")) {
                    values.put(key.substring(7, key.length() - 1), first(value));
                }
            });
            model.addAttribute("draftRestored", true);
        }
        return page(referral, values, Map.of(), model);
    }

    @PostMapping(path = "/referrals/{reference}/review", name = "review.confirmed")
    String confirm(@PathVariable String reference, @ModelAttribute ReviewForm form, Principal principal, Model model,
            RedirectAttributes redirect) {
        Referral referral = find(reference);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, String> typed = currentValues(referral.form());
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormFields.Field field : FormFields.all(extractor.layout(referral.form()), referral.form())) {
            String value = form.fields().get(field.key());
            if (value == null) {
                continue; // not on the page that was sent: left as it is
            }
            typed.put(field.key(), value);
            FieldValues.Checked result = FieldValues.check(field.kind(), value, today);
            if (result.valid()) {
                checked.put(field.key(), result.value());
            } else {
                errors.put(field.key(), result.errorKey());
            }
        }
        if (!errors.isEmpty()) {
            return page(referral, typed, errors, model);
        }
        int changed = referrals.reviewFields(referral.reference(), checked, principal.getName());
        redirect.addFlashAttribute("success", "review");
        redirect.addFlashAttribute("changedCount", changed);
        return "redirect:/referrals/" + referral.reference();
    }

    private String page(Referral referral, Map<String, String> values, Map<String, String> errors, Model model) {
        FilledForm form = referral.form();
        double threshold = referrals.reviewThreshold();
        List<SectionView> sections = new ArrayList<>();
        List<FieldView> doubtful = new ArrayList<>();
        List<FieldView> withErrors = new ArrayList<>();
        for (FormFields.Section section : FormFields.sectionsFor(extractor.layout(form), form)) {
            List<FieldView> views = new ArrayList<>();
            for (FormFields.Field field : section.fields()) {
                FieldView view = view(field, form.field(field.key()), values.getOrDefault(field.key(), ""),
                        threshold, errors.get(field.key()));
                views.add(view);
                if (view.doubtful()) {
                    doubtful.add(view);
                }
                if (view.errorKey() != null) {
                    withErrors.add(view);
                }
            }
            sections.add(new SectionView(section.titleKey(), views));
        }
        model.addAttribute("referral", referral);
        model.addAttribute("sections", sections);
        model.addAttribute("doubtful", doubtful);
        model.addAttribute("errors", withErrors);
        model.addAttribute("corrections", referrals.corrections(referral.id()));
        // where a form added later says something else: both values, side by side, until the review is confirmed
        Map<String, List<uk.gov.redbridge.onepanel.referrals.FieldConflict>> conflicts = new LinkedHashMap<>();
        referrals.openConflicts(referral.id()).forEach(c -> conflicts.computeIfAbsent(
                FormFields.all(extractor.layout(form), form).stream().filter(f -> f.key().equals(c.key())).findFirst()
                        .map(FormFields.Field::id).orElse("fields-" + c.key().replace('.', '-')),
                k -> new ArrayList<>()).add(c));
        model.addAttribute("conflicts", conflicts);
        return VIEW;
    }

    private static FieldView view(FormFields.Field field, Optional<ExtractedField> read, String value,
            double threshold, String errorKey) {
        if (read.isEmpty()) {
            return new FieldView(field, value, false, List.of(), null, null, null, errorKey);
        }
        ExtractedField f = read.get();
        List<String> doubts = new ArrayList<>(f.problems());
        boolean low = f.confidence() < threshold;
        return new FieldView(field, value, low || !f.valid(), doubts, source(f.provenance()), f.asWritten(),
                (int) Math.round(f.confidence() * 100), errorKey);
    }

    /**
     * Where a value was read, in words: "Read from P01.docx, page 2, table 2, row 3, cell 4 (label 'D.O.B.')."; a
     * value a person typed: "Entered by sam."
     */
    static String source(Provenance p) {
        if (p == null) {
            return null;
        }
        if (p.file() == null && p.location() != null && p.location().startsWith("entered by ")) {
            return "Entered by " + p.location().substring("entered by ".length()) + ".";
        }
        String read = where(p);
        return read.isBlank() ? null : "Read from " + read + ".";
    }

    private static String where(Provenance p) {
        List<String> parts = new ArrayList<>();
        if (p.file() != null) {
            parts.add(p.file());
        }
        if (p.page() != null) {
            parts.add("page " + p.page());
        }
        if (p.location() != null && !p.location().isBlank()) {
            parts.add(p.location());
        }
        String where = String.join(", ", parts);
        return p.label() == null || p.label().isBlank() ? where : where + " (label '" + p.label() + "')";
    }

    /** The fields' values for the page's boxes: a date day-first (27/03/2026), as the page reads dates back. */
    private static Map<String, String> currentValues(FilledForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.fields().forEach(f -> values.put(f.key(), f.value() != null && f.value().matches("\\d{4}-\\d{2}-\\d{2}")
                ? dayFirst(f.value()) : f.value()));
        return values;
    }

    private static String dayFirst(String iso) {
        try {
            return java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private static String first(Object parameter) {
        if (parameter instanceof String[] array) {
            return array.length == 0 ? null : array[0];
        }
        return parameter == null ? null : String.valueOf(parameter);
    }

    private Referral find(String reference) {
        return ReferralReference.tryParse(reference).flatMap(referrals::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
