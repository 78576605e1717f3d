package uk.gov.redbridge.onepanel.meetings.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.AgendaItemId;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingId;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.meetings.Vote;

/**
 * What the meetings pages share: the meeting or agenda item an address names (404 otherwise), going back to a page
 * with a problem or a success in words from {@code messages.properties} ({@code meeting.error.*},
 * {@code meeting.done.*}), and reading what was typed (a time, a choice).
 */
@Component
class MeetingPages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    private final PanelMeetings meetings;
    private final AgencyDirectory directory;
    private final MessageSourceAccessor words;

    MeetingPages(PanelMeetings meetings, AgencyDirectory directory, MessageSource messages) {
        this.meetings = meetings;
        this.directory = directory;
        this.words = new MessageSourceAccessor(messages, Locale.UK);
    }

    /** The words of a message key. */
    String text(String key, Object... args) {
        return words.getMessage(key, args);
    }

    Meeting find(String id) {
        try {
            return meetings.find(MeetingId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    AgendaItem item(Meeting meeting, String item) {
        try {
            AgendaItemId itemId = AgendaItemId.of(item);
            return meetings.agenda(meeting.id()).stream().filter(i -> i.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static String back(Meeting meeting) {
        return "redirect:/meetings/" + meeting.id();
    }

    static String itemPage(Meeting meeting, AgendaItem item) {
        return "redirect:/meetings/" + meeting.id() + "/items/" + item.id();
    }

    /** Back to the page with one problem (a message key), linked to the field it is about. */
    String error(RedirectAttributes redirect, String href, String key, String page) {
        return problem(redirect, href, text(key), page);
    }

    /** Back to the page with a success (a message key). */
    String done(RedirectAttributes redirect, String page, String key, Object... args) {
        redirect.addFlashAttribute("success", text(key, args));
        return page;
    }

    /**
     * Runs a change, then goes back with its success; the facade's refusals (no quorum, decided already, a form
     * that lacks something) come back as the page's error, in the facade's own words.
     */
    String act(RedirectAttributes redirect, String href, String page, Runnable change, String doneKey,
            Object... args) {
        try {
            change.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return problem(redirect, href, sentence(e.getMessage()), page);
        }
        return doneKey == null ? page : done(redirect, page, doneKey, args);
    }

    private static String problem(RedirectAttributes redirect, String href, String text, String page) {
        Errors errors = new Errors();
        errors.add(href.startsWith("#") ? href.substring(1) : href, text);
        return errors.back(redirect, page, Map.of());
    }

    String sentence(String message) {
        if (message == null || message.isBlank()) {
            return text("meeting.error.notDone");
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** Agencies by their names, for the pages' tables (attendance, votes, dissent). */
    Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        directory.all().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    /** A time typed as hours and minutes ("10:00", "9.30", "14:05"), 10:00 when blank; null when it is not one. */
    static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return LocalTime.of(10, 0);
        }
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
    }

    static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Map<Recommendation, Long> tally(List<Vote> votes) {
        Map<Recommendation, Long> out = new EnumMap<>(Recommendation.class);
        for (Vote v : votes) {
            out.merge(v.choice(), 1L, Long::sum);
        }
        return out;
    }

    static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
