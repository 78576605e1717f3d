package uk.gov.redbridge.onepanel.triage.internal;

import java.util.Optional;

import uk.gov.redbridge.onepanel.triage.Verdict;

/** One link of the triage chain: a matcher and the verdict it gives, like a James mailet with its matcher. */
interface TriageRule {

    record Outcome(Verdict verdict, String detail) {
    }

    /** A short stable name, recorded with every decision. */
    String name();

    Optional<Outcome> apply(MessageFacts facts);
}
