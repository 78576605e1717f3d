package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.ReplyKeys;
import uk.gov.redbridge.onepanel.triage.Verdict;

/**
 * Bulk and list mail (newsletters, bulletins, circulars): a {@code List-Id} or {@code List-Unsubscribe} header, or
 * {@code Precedence: bulk}, {@code list} or {@code junk} (RFC 2369, RFC 2919, RFC 3834 section 2; Zammad's and
 * FreeScout's rules). Not a referral even when it carries documents (a bulletin's PDF): recorded and logged, never
 * read as a form, never answered, never an exception. A message that answers the service's own mail (threading,
 * a per-request address, a reference in the subject) is left to the reply rule: an agency's system may send its
 * return that way.
 */
@Component
@Order(25)
class BulkMailRule implements TriageRule {

    private final ReplyKeyReader keys;

    BulkMailRule(ReplyKeyReader keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "bulk-mail";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        Optional<String> signal = signal(facts);
        if (signal.isEmpty()) {
            return Optional.empty();
        }
        ReplyKeys k = keys.read(facts);
        if (!k.ownThreadIds().isEmpty() || !k.plusTags().isEmpty() || k.reference() != null) {
            return Optional.empty();
        }
        int attachments = facts.mail().attachments().size();
        return Optional.of(new Outcome(Verdict.BULK, signal.get() + (attachments == 0 ? ""
                : "; " + attachments + " attachment" + (attachments == 1 ? "" : "s") + " not read")));
    }

    static Optional<String> signal(MessageFacts facts) {
        for (String h : new String[] {"List-Id", "List-Unsubscribe"}) {
            if (facts.hasHeader(h)) {
                return Optional.of("list mail (" + h + ")");
            }
        }
        for (String h : new String[] {"Precedence", "X-Precedence"}) {
            String v = facts.header(h);
            if (v != null) {
                String word = v.trim().toLowerCase(Locale.ROOT);
                for (String bulk : new String[] {"bulk", "list", "junk"}) {
                    if (word.startsWith(bulk)) {
                        return Optional.of("bulk mail (" + h + ": " + bulk + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
