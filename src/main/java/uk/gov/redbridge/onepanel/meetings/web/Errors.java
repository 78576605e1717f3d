package uk.gov.redbridge.onepanel.meetings.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.shared.web.DateInput;

/**
 * The problems with a form of the meetings pages, one per field, taken back to the page the form is on: the error
 * summary's lines ({@code pageErrors}: the link and the words), each field's own message ({@code fieldErrors}, by
 * the field's id) and what was typed ({@code typed}), so nothing has to be typed twice.
 */
final class Errors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String fieldId, String message) {
        byField.putIfAbsent(fieldId == null ? "main-content" : fieldId, message);
    }

    /** A date input's problem, if it has one: linked to its first box in error. */
    void date(DateInput input) {
        if (!input.valid()) {
            byField.putIfAbsent(input.name(), input.error());
        }
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    String back(RedirectAttributes redirect, String page, Map<String, ?> typed) {
        List<Map<String, String>> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(Map.of("href", "#" + field, "text", message)));
        redirect.addFlashAttribute("pageErrors", summary);
        redirect.addFlashAttribute("fieldErrors", byField);
        redirect.addFlashAttribute("typed", typed);
        return page.startsWith("redirect:") ? page : "redirect:" + page;
    }
}
