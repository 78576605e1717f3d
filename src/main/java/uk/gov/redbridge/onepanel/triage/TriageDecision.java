package uk.gov.redbridge.onepanel.triage;

import java.time.Instant;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;

/** Why a message was taken to be what it is: the verdict and the rule that gave it. */
public record TriageDecision(InboundMessageId messageId, Verdict verdict, String rule, String detail,
        boolean automatic, Instant decidedAt) {
}
