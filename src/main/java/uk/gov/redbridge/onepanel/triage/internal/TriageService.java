package uk.gov.redbridge.onepanel.triage.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.extraction.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;
import uk.gov.redbridge.onepanel.triage.AutoReplyReceived;
import uk.gov.redbridge.onepanel.triage.DeliveryFailureReceived;
import uk.gov.redbridge.onepanel.triage.MessageNotUnderstood;
import uk.gov.redbridge.onepanel.triage.ReferralMessageReceived;
import uk.gov.redbridge.onepanel.triage.ReplyKeys;
import uk.gov.redbridge.onepanel.triage.ReplyReceived;
import uk.gov.redbridge.onepanel.triage.TriageDecision;
import uk.gov.redbridge.onepanel.triage.Verdict;

/** Runs the chain over every stored message, once, and announces the verdict. */
@Service
class TriageService {

    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    private final List<TriageRule> rules;
    private final InboundMessages messages;
    private final TriageRepository repository;
    private final ReplyKeyReader keyReader;
    private final Correspondence correspondence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TriageService(List<TriageRule> rules, InboundMessages messages, TriageRepository repository,
            ReplyKeyReader keyReader, Correspondence correspondence, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules; // in @Order order
        this.messages = messages;
        this.repository = repository;
        this.keyReader = keyReader;
        this.correspondence = correspondence;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    @Async(TriageExecutorConfiguration.EXECUTOR)
    void on(MessageReceived event) {
        triage(event);
    }

    /** Idempotent: a message already decided is left alone. */
    void triage(MessageReceived event) {
        if (repository.find(event.messageId()).isPresent()) {
            return;
        }
        Optional<InboundMessage> stored = messages.find(event.messageId());
        if (stored.isEmpty() || stored.get().quarantined()) {
            return;
        }
        InboundMessage message = stored.get();
        byte[] raw = messages.rawBytes(message.id());
        MessageFacts facts = new MessageFacts(message, MailAnatomy.parse(raw));
        TriageRule.Outcome outcome = null;
        String ruleName = null;
        for (TriageRule rule : rules) {
            Optional<TriageRule.Outcome> o = rule.apply(facts);
            if (o.isPresent()) {
                outcome = o.get();
                ruleName = rule.name();
                break;
            }
        }
        boolean automatic = AutomaticMailSignals.find(facts).isPresent();
        repository.insert(new TriageDecision(message.id(), outcome.verdict(), ruleName, outcome.detail(), automatic,
                clock.instant()));
        log.info("Message {} in {}: {} (rule {})", message.id(), message.mailbox(), outcome.verdict(), ruleName);
        publish(message, facts, raw, outcome, automatic);
    }

    private void publish(InboundMessage message, MessageFacts facts, byte[] raw, TriageRule.Outcome outcome,
            boolean automatic) {
        Verdict verdict = outcome.verdict();
        if (verdict == Verdict.REFERRAL) {
            events.publishEvent(new ReferralMessageReceived(message.id(), message.mailbox(), automatic));
        } else if (verdict == Verdict.REPLY) {
            events.publishEvent(new ReplyReceived(message.id(), message.mailbox(), keyReader.read(facts), automatic));
        } else if (verdict == Verdict.AUTO_REPLY) {
            ReplyKeys keys = keyReader.read(facts);
            events.publishEvent(new AutoReplyReceived(message.id(), message.mailbox(), keys, outcome.detail()));
        } else if (verdict == Verdict.DELIVERY_FAILURE) {
            DeliveryReport report = DeliveryReport.read(facts.mail(), raw, correspondence.messageIdDomain());
            events.publishEvent(new DeliveryFailureReceived(message.id(), message.mailbox(),
                    report.originalMessageIds(), report.failedRecipients(), report.status()));
        } else if (verdict == Verdict.NOT_UNDERSTOOD) {
            String reason = outcome.detail().startsWith("malformed") ? "malformed" : "empty";
            events.publishEvent(new MessageNotUnderstood(message.id(), message.mailbox(), reason, outcome.detail()));
        }
        // OWN_MAIL: recorded, nothing more
    }
}
