package uk.gov.redbridge.onepanel.shared.words;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * {@link PlainWords} for the pages (templates call {@code ${@words.of(referral.status)}}), with the words that
 * come from configuration: agencies by name ({@code @words.agency('NEL-ICS')}) and mailboxes by their address
 * ({@code @words.mailbox('rsab')}).
 */
@Component("words")
public class Words {

    private final List<WordSource> sources;

    public Words(List<WordSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public String of(Enum<?> code) {
        return PlainWords.of(code);
    }

    public String of(String type, String code) {
        return PlainWords.of(type, code);
    }

    /** A form field's label: {@code subject.first_name} → "First name"; a person's field shares one label. */
    public String field(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        return PlainWords.of("field", key.replaceFirst("^persons\\.\\d+\\.", "persons."));
    }

    /** Several form fields' labels, joined with commas: for lists of fields in the case history. */
    public String fields(List<String> keys) {
        return String.join(", ", keys.stream().map(this::field).toList());
    }

    /** An agency's name from the directory; a code the directory does not know is shown as it is. */
    public String agency(String code) {
        return configured("agency", code);
    }

    /** A mailbox's address ({@code rsab} → RSAB@redbridge.gov.uk); an unknown name is shown as it is. */
    public String mailbox(String name) {
        return configured("mailbox", name);
    }

    private String configured(String type, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        for (WordSource source : sources) {
            if (source.type().equals(type)) {
                Optional<String> words = source.words(code);
                if (words.isPresent()) {
                    return words.get();
                }
            }
        }
        return code;
    }
}
