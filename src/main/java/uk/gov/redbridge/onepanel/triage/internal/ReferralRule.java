package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.Verdict;

/**
 * The last rule: anything else with something in it is read as a possible referral (intake finds the form or
 * raises a specific exception); a message with no body and no attachments is not understood: empty, malformed, or
 * too complex (its parts nested deeper, or more of them, than the anatomy reads: Postfix and Dovecot refuse 100
 * levels, we read 20).
 */
@Component
@Order(100)
class ReferralRule implements TriageRule {

    static final String TOO_COMPLEX = "too_complex";

    /** The anatomy stopped at its nesting or part limit (MailAnatomy.MAX_DEPTH, MAX_PARTS). */
    static boolean cutShort(String problem) {
        return problem.startsWith("parts nested deeper than") || problem.startsWith("only the first");
    }

    @Override
    public String name() {
        return "referral";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        if (facts.hasContent()) {
            return Optional.of(new Outcome(Verdict.REFERRAL, "a message from a person with content"));
        }
        Optional<String> cutShort = facts.mail().problems().stream().filter(ReferralRule::cutShort).findFirst();
        if (cutShort.isPresent()) {
            // nothing readable within the nesting and part limits: say so, not "empty"
            return Optional.of(new Outcome(Verdict.NOT_UNDERSTOOD, TOO_COMPLEX + ": " + cutShort.get()));
        }
        if (!facts.mail().problems().isEmpty() && facts.mail().headers().isEmpty()) {
            return Optional.of(new Outcome(Verdict.NOT_UNDERSTOOD, "malformed: the message could not be read"));
        }
        return Optional.of(new Outcome(Verdict.NOT_UNDERSTOOD, "empty: no body text and no attachments"));
    }
}
