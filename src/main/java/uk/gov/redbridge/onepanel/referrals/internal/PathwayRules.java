package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.extraction.FieldKeys;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.shared.Pathway;

/**
 * Chooses a referral's pathway, and says why. A mailbox with a pathway of its own (RSAB for adults, RSCP for
 * children) decides; otherwise the form does: a subject under 18 is a child; an adult whose referral reads like a
 * death by a relative or partner is a domestic homicide; anyone else an adult. The secretariat can change it.
 */
@Component
class PathwayRules {

    record Decision(Pathway pathway, String reason) {
    }

    private final ReferralsSettings settings;
    /** A mailbox's address by its name ({@code rsab} → RSAB@redbridge.gov.uk): what the reason says. */
    private final java.util.function.Function<String, Optional<String>> addresses;

    @org.springframework.beans.factory.annotation.Autowired
    PathwayRules(ReferralsSettings settings, uk.gov.redbridge.onepanel.mailbox.MailAccounts accounts) {
        this(settings, name -> accounts.byName(name).map(a -> a.address()));
    }

    PathwayRules(ReferralsSettings settings, java.util.function.Function<String, Optional<String>> addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    Decision decide(String mailbox, FilledForm form, LocalDate received) {
        Pathway byMailbox = settings.mailboxPathways().get(mailbox);
        if (byMailbox != null) {
            String address = addresses.apply(mailbox).orElse("the " + byMailbox.label() + " mailbox");
            return new Decision(byMailbox, "it was sent to " + address);
        }
        Optional<Integer> age = ageOf(form, received);
        if (age.isPresent() && age.get() < settings.childUnder()) {
            return new Decision(Pathway.CHILDREN_CSPR, "the subject is under " + settings.childUnder());
        }
        String reason = form.value(FieldKeys.REFERRAL_REASON).orElse("").toLowerCase(Locale.ROOT);
        for (String word : settings.domesticHomicideWords()) {
            if (containsWord(reason, word.toLowerCase(Locale.ROOT))) {
                return new Decision(Pathway.DOMESTIC_HOMICIDE,
                        "the reason for referral mentions '" + word + "'");
            }
        }
        return new Decision(Pathway.ADULTS_SAR, age.isPresent() ? "the subject is an adult"
                : "no age on the form: adults by default");
    }

    /** The subject's age: as written, else from the date of birth at the incident (or the referral, or today). */
    static Optional<Integer> ageOf(FilledForm form, LocalDate received) {
        Optional<String> written = form.value(FieldKeys.SUBJECT_AGE);
        if (written.isPresent() && written.get().matches("\\d{1,3}")) {
            return Optional.of(Integer.parseInt(written.get()));
        }
        Optional<LocalDate> dob = date(form.value(FieldKeys.SUBJECT_DATE_OF_BIRTH));
        if (dob.isEmpty()) {
            return Optional.empty();
        }
        LocalDate at = date(form.value(FieldKeys.REFERRAL_INCIDENT_DATE)).or(() -> date(form.value(FieldKeys.REFERRAL_DATE)))
                .orElse(received);
        return at.isBefore(dob.get()) ? Optional.empty() : Optional.of(Period.between(dob.get(), at).getYears());
    }

    private static Optional<LocalDate> date(Optional<String> iso) {
        try {
            return iso.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a word (or phrase) stands in a text on its own, not inside a longer word. */
    static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + word.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }
}
