package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.triage.Verdict;

/** The service's own mail come back (an agency's forwarding rule, a misrouted copy): never acted on. */
@Component
@Order(10)
class OwnMailRule implements TriageRule {

    private final Correspondence correspondence;

    OwnMailRule(Correspondence correspondence) {
        this.correspondence = correspondence;
    }

    @Override
    public String name() {
        return "own-mail";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        if (facts.hasHeader(Correspondence.LOOP_HEADER)) {
            return Optional.of(new Outcome(Verdict.OWN_MAIL, "carries the service's loop header"));
        }
        if (correspondence.isOwnMessageId(facts.header("Message-ID"))) {
            return Optional.of(new Outcome(Verdict.OWN_MAIL, "carries a Message-ID the service made"));
        }
        return Optional.empty();
    }
}
