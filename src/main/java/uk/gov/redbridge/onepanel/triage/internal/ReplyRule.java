package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.triage.ReplyKeys;
import uk.gov.redbridge.onepanel.triage.Verdict;

/** A reply to the service: it threads onto our mail, was sent to a per-request address, or names a reference. */
@Component
@Order(40)
class ReplyRule implements TriageRule {

    private final ReplyKeyReader keys;

    ReplyRule(ReplyKeyReader keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "reply";
    }

    @Override
    public Optional<Outcome> apply(MessageFacts facts) {
        ReplyKeys k = keys.read(facts);
        if (!k.ownThreadIds().isEmpty()) {
            return Optional.of(new Outcome(Verdict.REPLY, "In-Reply-To/References name the service's mail"));
        }
        if (!k.plusTags().isEmpty()) {
            return Optional.of(new Outcome(Verdict.REPLY, "sent to a per-request reply address"));
        }
        if (k.reference() != null) {
            return Optional.of(new Outcome(Verdict.REPLY, "the subject names a referral reference"));
        }
        return Optional.empty();
    }
}
