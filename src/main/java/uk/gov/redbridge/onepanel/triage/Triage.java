package uk.gov.redbridge.onepanel.triage;

import java.util.Optional;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.triage.internal.TriageRepository;

/** What the service took each message to be, and why. */
@Service
public class Triage {

    private final TriageRepository repository;

    Triage(TriageRepository repository) {
        this.repository = repository;
    }

    public Optional<TriageDecision> decisionFor(InboundMessageId messageId) {
        return repository.find(messageId);
    }
}
