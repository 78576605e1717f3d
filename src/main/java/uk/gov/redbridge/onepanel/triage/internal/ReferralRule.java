package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.Verdict;

/**
 * The last rule: anything else with something in it is read as a possible referral (intake finds the form or
 * raises a specific exception); a message with no body and no attachments is not understood.
 */
@Component
@Order(100)
class ReferralRule implements TriageRule {

    @Override
    public String name() {
        return "referral";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        if (facts.hasContent()) {
            return Optional.of(new Outcome(Verdict.REFERRAL, "a message from a person with content"));
        }
        if (!facts.mail().problems().isEmpty() && facts.mail().headers().isEmpty()) {
            return Optional.of(new Outcome(Verdict.NOT_UNDERSTOOD, "malformed: the message could not be read"));
        }
        return Optional.of(new Outcome(Verdict.NOT_UNDERSTOOD, "empty: no body text and no attachments"));
    }
}
