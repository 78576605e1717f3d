package uk.gov.redbridge.onepanel.triage.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;
import uk.gov.redbridge.onepanel.shared.Watchdog;
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
public class TriageService {

    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    private final List<TriageRule> rules;
    private final InboundMessages messages;
    private final TriageRepository repository;
    private final ReplyKeyReader keyReader;
    private final Correspondence correspondence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TriageSettings settings;
    private final Watchdog watchdog;

    TriageService(List<TriageRule> rules, InboundMessages messages, TriageRepository repository,
            ReplyKeyReader keyReader, Correspondence correspondence, ApplicationEventPublisher events, Clock clock,
            TriageSettings settings, @Qualifier(TriageExecutorConfiguration.WATCHDOG) Watchdog watchdog) {
        this.settings = settings;
        this.watchdog = watchdog;
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

    /** Idempotent: a message already decided is left alone. Returns whether it decided now. */
    public boolean triage(MessageReceived event) {
        if (repository.find(event.messageId()).isPresent()) {
            return false;
        }
        Optional<InboundMessage> stored = messages.find(event.messageId());
        if (stored.isEmpty() || stored.get().quarantined()) {
            return false;
        }
        InboundMessage message = stored.get();
        Decided decided;
        try {
            // reading the message and running the rules is a step on untrusted input: bounded in time, so one
            // message never holds this listener's thread (and the event registry never resubmits it meanwhile)
            decided = watchdog.run("triage of a message", settings.timeLimit(), () -> decide(message));
        } catch (Watchdog.TimedOut e) {
            tooComplex(message);
            return true;
        }
        repository.insert(new TriageDecision(message.id(), decided.outcome().verdict(), decided.rule(),
                decided.outcome().detail(), decided.automatic(), clock.instant()));
        log.info("Message {} in {}: {} (rule {})", message.id(), message.mailbox(), decided.outcome().verdict(),
                decided.rule());
        if (decided.event() != null) {
            events.publishEvent(decided.event());
        }
        return true;
    }

    /** What the chain decided, and the event that says so (built inside the bounded step: it reads the message). */
    private record Decided(TriageRule.Outcome outcome, String rule, boolean automatic, Object event) {
    }

    private Decided decide(InboundMessage message) {
        MessageFacts facts = new MessageFacts(message, messages.parsed(message.id()));
        for (TriageRule rule : rules) {
            Optional<TriageRule.Outcome> o = rule.apply(facts);
            if (o.isPresent()) {
                boolean automatic = AutomaticMailSignals.find(facts).isPresent();
                return new Decided(o.get(), rule.name(), automatic, event(message, facts, o.get(), automatic));
            }
        }
        throw new IllegalStateException("the last rule decides every message");
    }

    /**
     * For a message the chain could not be run over (it failed every time): recorded as not understood, with the
     * reason, and raised for a person. Nothing if it was decided meanwhile.
     */
    public boolean setAside(InboundMessageId messageId, String explanation) {
        if (repository.find(messageId).isPresent()) {
            return false;
        }
        Optional<InboundMessage> stored = messages.find(messageId);
        if (stored.isEmpty()) {
            return false;
        }
        repository.insert(new TriageDecision(messageId, Verdict.NOT_UNDERSTOOD, "sweep", explanation, false,
                clock.instant()));
        events.publishEvent(new MessageNotUnderstood(messageId, stored.get().mailbox(), "stuck", explanation));
        log.warn("Message {} in {}: could not be triaged, set aside for a person", messageId, stored.get().mailbox());
        return true;
    }

    private void tooComplex(InboundMessage message) {
        String explanation = "Reading this message took longer than " + settings.timeLimit().toSeconds()
                + " s and was stopped; nothing was decided from it. The message is kept as it arrived.";
        repository.insert(new TriageDecision(message.id(), Verdict.NOT_UNDERSTOOD, "watchdog",
                ReferralRule.TOO_COMPLEX + ": over the time limit", false, clock.instant()));
        log.warn("Message {} in {}: too complex to triage within {} s; raised as an exception", message.id(),
                message.mailbox(), settings.timeLimit().toSeconds());
        events.publishEvent(new MessageNotUnderstood(message.id(), message.mailbox(), ReferralRule.TOO_COMPLEX,
                explanation));
    }

    private Object event(InboundMessage message, MessageFacts facts, TriageRule.Outcome outcome,
            boolean automatic) {
        Verdict verdict = outcome.verdict();
        if (verdict == Verdict.REFERRAL) {
            return new ReferralMessageReceived(message.id(), message.mailbox(), automatic);
        } else if (verdict == Verdict.REPLY) {
            return new ReplyReceived(message.id(), message.mailbox(), keyReader.read(facts), automatic);
        } else if (verdict == Verdict.AUTO_REPLY) {
            ReplyKeys keys = keyReader.read(facts);
            return new AutoReplyReceived(message.id(), message.mailbox(), keys, outcome.detail());
        } else if (verdict == Verdict.DELIVERY_FAILURE) {
            DeliveryReport report = DeliveryReport.read(facts.mail(), messages.rawBytes(message.id()),
                    correspondence.messageIdDomain());
            return new DeliveryFailureReceived(message.id(), message.mailbox(), report.originalMessageIds(),
                    report.failedRecipients(), report.status());
        } else if (verdict == Verdict.NOT_UNDERSTOOD) {
            String detail = outcome.detail();
            String reason = detail.startsWith("malformed") ? "malformed"
                    : detail.startsWith(ReferralRule.TOO_COMPLEX) ? ReferralRule.TOO_COMPLEX : "empty";
            String explanation = reason.equals(ReferralRule.TOO_COMPLEX)
                    ? "Nothing readable within the limits: " + detail.substring(detail.indexOf(':') + 1).trim()
                            + ". The message is kept as it arrived."
                    : detail;
            return new MessageNotUnderstood(message.id(), message.mailbox(), reason, explanation);
        }
        // OWN_MAIL, BULK: recorded and logged, nothing more
        return null;
    }
}
