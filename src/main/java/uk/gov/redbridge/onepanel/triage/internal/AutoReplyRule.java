package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.Verdict;

/**
 * Automatic replies. A machine-sent message that carries documents (an agency's system forwarding a return, say)
 * is not thrown away as an auto-reply: it goes on down the chain, marked automatic so that it is never answered.
 */
@Component
@Order(30)
class AutoReplyRule implements TriageRule {

    @Override
    public String name() {
        return "auto-reply";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        if (facts.hasDocuments()) {
            return Optional.empty();
        }
        return AutomaticMailSignals.find(facts).map(signal -> new Outcome(Verdict.AUTO_REPLY, signal));
    }
}
