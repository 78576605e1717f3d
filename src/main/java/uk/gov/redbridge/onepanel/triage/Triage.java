package uk.gov.redbridge.onepanel.triage;

import java.util.Optional;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;
import uk.gov.redbridge.onepanel.triage.internal.TriageRepository;
import uk.gov.redbridge.onepanel.triage.internal.TriageService;

/** What the service took each message to be, and why. */
@Service
public class Triage {

    private final TriageRepository repository;
    private final TriageService service;
    private final InboundMessages messages;

    Triage(TriageRepository repository, TriageService service, InboundMessages messages) {
        this.repository = repository;
        this.service = service;
        this.messages = messages;
    }

    /** For the sweep of truth: stored messages with no verdict, stored before a moment (oldest first). */
    public List<InboundMessageId> undecided(Instant storedBefore, int limit) {
        return repository.undecided(storedBefore, limit);
    }

    /** Runs the chain over a message that has no verdict yet; false if it had one (or is not there). */
    @Transactional
    public boolean decide(InboundMessageId messageId) {
        return messages.find(messageId).map(m -> service.triage(new MessageReceived(m.id(), m.mailbox())))
                .orElse(false);
    }

    /** A message the chain could not be run over: not understood, raised for a person with the reason. */
    @Transactional
    public boolean setAside(InboundMessageId messageId, String explanation) {
        return service.setAside(messageId, explanation);
    }

    public Optional<TriageDecision> decisionFor(InboundMessageId messageId) {
        return repository.find(messageId);
    }
}
