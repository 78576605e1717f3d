package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.extraction.ExtractionFailed;
import uk.gov.redbridge.onepanel.extraction.ExtractionResult;
import uk.gov.redbridge.onepanel.extraction.FormExtracted;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.mailparsing.MailAddresses;
import uk.gov.redbridge.onepanel.shared.Watchdog;
import uk.gov.redbridge.onepanel.referrals.IntakeRetried;
import uk.gov.redbridge.onepanel.referrals.AcknowledgementNotSent;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralId;
import uk.gov.redbridge.onepanel.referrals.ReferralNotCreated;
import uk.gov.redbridge.onepanel.triage.ReferralMessageReceived;

/**
 * Turns a referral message into a referral, once. A message already dealt with is left alone; a copy of an email
 * already logged (the same email in two mailboxes, or sent twice) is linked to that referral; otherwise the form is
 * read and the referral logged with its acknowledgement, or the reason no form could be read is raised.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final InboundMessages messages;
    private final FormExtractor extractor;
    private final ReferralRepository repository;
    private final ReferralMessages links;
    private final ReferralTimeline timeline;
    private final IntakeOutcomes outcomes;
    private final ReferralWriter writer;
    private final Acknowledgements acknowledgements;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final IntakeSettings settings;
    private final MailAccounts accounts;
    private final Watchdog watchdog;

    IntakeService(InboundMessages messages, FormExtractor extractor, ReferralRepository repository,
            ReferralMessages links, ReferralTimeline timeline, IntakeOutcomes outcomes, ReferralWriter writer,
            Acknowledgements acknowledgements, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, IntakeSettings settings, MailAccounts accounts,
            @Qualifier(IntakeExecutorConfiguration.WATCHDOG) Watchdog watchdog) {
        this.settings = settings;
        this.watchdog = watchdog;
        this.accounts = accounts;
        this.messages = messages;
        this.extractor = extractor;
        this.repository = repository;
        this.links = links;
        this.timeline = timeline;
        this.outcomes = outcomes;
        this.writer = writer;
        this.acknowledgements = acknowledgements;
        this.events = events;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @ApplicationModuleListener
    @Async(IntakeExecutorConfiguration.EXECUTOR)
    void on(ReferralMessageReceived event) {
        process(event.messageId(), !event.automatic(), ReferralWriter.SYSTEM);
    }

    /**
     * @param acknowledge send the referrer an acknowledgement (never for automatic mail)
     * @return the referral made or found, if any
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<ReferralId> process(InboundMessageId messageId, boolean acknowledge, String actor) {
        return intake(messageId, acknowledge, actor).referral();
    }

    /**
     * Runs intake again for a message that gave no referral (after a fix to {@code form-mappings/}, say): what intake
     * decided for it, and for the other stored copies of the same email that gave none, is forgotten; the form is
     * read again; the copies are then settled as copies. A message that already belongs to a referral is left as
     * it is. An exception raised the first time is not raised twice (the queue keys it by message).
     */
    @Transactional
    public IntakeRetried retry(InboundMessageId messageId, boolean acknowledge, String actor) {
        Optional<ReferralId> already = links.referralOfMessage(messageId);
        if (already.isPresent()) {
            return new IntakeRetried(referenceOf(already.get()), null, null);
        }
        InboundMessage message = messages.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no stored message " + messageId));
        if (message.quarantined()) {
            throw new IllegalStateException("the message was set aside before its content was kept: nothing to read");
        }
        List<InboundMessageId> copies = messages.otherCopiesOf(messageId).stream().map(InboundMessage::id)
                .filter(id -> outcomes.intakeOutcome(id).map(o -> o.referralId() == null).orElse(true))
                .toList();
        List<InboundMessageId> forget = new java.util.ArrayList<>(copies);
        forget.add(messageId);
        outcomes.forgetIntakeOutcomes(forget);
        Outcome outcome = intake(messageId, acknowledge, actor);
        for (InboundMessageId copy : copies) {
            intake(copy, false, actor);
        }
        if (outcome.referral().isPresent()) {
            return new IntakeRetried(referenceOf(outcome.referral().get()), null, null);
        }
        return new IntakeRetried(null, outcome.failureCode() == null ? "duplicate" : outcome.failureCode(),
                outcome.failureCode() == null ? "a copy of this email already failed intake"
                        : outcome.failureExplanation());
    }

    private uk.gov.redbridge.onepanel.shared.ReferralReference referenceOf(ReferralId id) {
        return repository.find(id).orElseThrow().reference();
    }

    /** What intake did: the referral made or found, or why there is none (null for a copy of a failed email). */
    private record Outcome(Optional<ReferralId> referral, String failureCode, String failureExplanation) {

        static Outcome of(Optional<ReferralId> referral) {
            return new Outcome(referral, null, null);
        }
    }

    /** The email as read inside the bounded step. */
    private record Read(ParsedMail mail, ExtractionResult result) {
    }

    static final String TOO_COMPLEX = "too_complex";
    static final String SEVERAL_PEOPLE = "several_people";

    private Outcome intake(InboundMessageId messageId, boolean acknowledge, String actor) {
        Optional<IntakeOutcome> done = outcomes.intakeOutcome(messageId);
        if (done.isPresent()) {
            return Outcome.of(Optional.ofNullable(done.get().referralId()));
        }
        InboundMessage message = messages.find(messageId)
                .orElseThrow(() -> new IllegalStateException("no stored message " + messageId));
        Instant now = clock.instant();
        Optional<ReferralId> existing = repository.findIdByContentKey(message.contentKey());
        if (existing.isPresent()) {
            links.linkMessage(existing.get(), messageId, "DUPLICATE_COPY", now, actor);
            timeline.addEvent(existing.get(), now, "DUPLICATE_COPY",
                    "The same email arrived again (to " + message.mailboxAddress() + "): linked, not logged twice",
                    actor);
            outcomes.recordIntakeOutcome(new IntakeOutcome(messageId, message.contentKey(),
                    "DUPLICATE", existing.get(), null), now);
            return Outcome.of(existing);
        }
        List<IntakeOutcome> earlier = outcomes.intakeOutcomesForContent(message.contentKey());
        if (!earlier.isEmpty()) {
            // a copy of an email that already failed intake: one exception for the email is enough
            outcomes.recordIntakeOutcome(new IntakeOutcome(messageId, message.contentKey(),
                    "DUPLICATE", null, earlier.get(0).reason()), now);
            return Outcome.of(Optional.empty());
        }
        Read read;
        try {
            // reading the email is a step on untrusted input: bounded in time as a whole (each attachment also has
            // its own limit), so one email never holds this thread, and it runs outside the transaction
            read = watchdog.run("intake of a message", settings.timeLimit(),
                    () -> {
                        ParsedMail parsed = messages.parsed(messageId);
                        return new Read(parsed, extractor.extractFromEmail(parsed));
                    });
        } catch (Watchdog.TimedOut e) {
            return notCreated(message, TOO_COMPLEX, "reading the email took longer than "
                    + settings.timeLimit().toSeconds() + " s and was stopped; the message is kept as it arrived",
                    now);
        }
        ParsedMail mail = read.mail();
        ExtractionResult result = read.result();
        if (result instanceof FormExtracted extracted) {
            int people = PeopleInForms.count(allForms(extracted));
            if (people > 1) {
                // never another person's form in a case: no referral, and the secretariat is told why
                return notCreated(message, SEVERAL_PEOPLE, "the email carries " + (extracted.otherForms().size() + 1)
                        + " referral forms about " + people + " different people; no referral was made, so that no "
                        + "case holds another person's form", now);
            }
            Optional<Referral> created = createUnlessACopyWon(message, mail, extracted, actor);
            if (created.isEmpty()) {
                // the same email in another mailbox was logged by a parallel intake a moment ago: link to it
                return intake(messageId, acknowledge, actor);
            }
            Referral referral = created.get();
            outcomes.recordIntakeOutcome(new IntakeOutcome(messageId, message.contentKey(),
                    "REFERRAL", referral.id(), null), now);
            if (acknowledge) {
                acknowledge(referral, message);
            }
            log.info("Message {} logged as referral {}", messageId, referral.reference());
            return Outcome.of(Optional.of(referral.id()));
        }
        ExtractionFailed failed = (ExtractionFailed) result;
        return notCreated(message, failed.reason().code(), failed.explanation(), now);
    }

    private Outcome notCreated(InboundMessage message, String code, String explanation, Instant now) {
        outcomes.recordIntakeOutcome(new IntakeOutcome(message.id(), message.contentKey(),
                "EXCEPTION", null, code), now);
        events.publishEvent(new ReferralNotCreated(message.id(), message.mailbox(), code, explanation));
        log.info("Message {} gave no referral: {}", message.id(), code);
        return new Outcome(Optional.empty(), code, explanation);
    }

    private static List<uk.gov.redbridge.onepanel.extraction.FilledForm> allForms(FormExtracted extracted) {
        List<uk.gov.redbridge.onepanel.extraction.FilledForm> forms = new java.util.ArrayList<>();
        forms.add(extracted.form());
        extracted.otherForms().forEach(f -> forms.add(f.form()));
        return forms;
    }

    /**
     * Creates the referral inside a savepoint. Two copies of one email (sent to two panel mailboxes) are read in
     * parallel; the database's unique content key lets one win, and the other's insert waits for it and fails. The
     * savepoint keeps the loser's transaction usable (PostgreSQL aborts a transaction on any error otherwise), so it
     * can link its copy to the winner instead.
     */
    private Optional<Referral> createUnlessACopyWon(InboundMessage message, ParsedMail mail, FormExtracted extracted,
            String actor) {
        try {
            return Optional.ofNullable(savepoint.execute(status -> writer.create(message, mail, extracted.form(),
                    extracted.sourceName(), message.contentKey(), actor, null)));
        } catch (DuplicateKeyException e) {
            if (repository.findIdByContentKey(message.contentKey()).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void acknowledge(Referral referral, InboundMessage message) {
        String to = referral.referrer().senderAddress();
        Instant now = clock.instant();
        if (to == null) {
            timeline.addEvent(referral.id(), now, "ACKNOWLEDGEMENT", "Not acknowledged: no sender address", "system");
            return;
        }
        if (MailAddresses.valid(to).isEmpty()) {
            timeline.addEvent(referral.id(), now, "ACKNOWLEDGEMENT",
                    "Not acknowledged: the sender's address is not a valid address", "system");
            return;
        }
        if (accounts.owningAddress(to).isPresent()) {
            // the service never writes to itself: a referral forwarded from a panel mailbox is not acknowledged
            timeline.addEvent(referral.id(), now, "ACKNOWLEDGEMENT",
                    "Not acknowledged: sent from one of the service's own mailboxes", "system");
            return;
        }
        QueuedMail queued;
        try {
            // in a savepoint: a referral is never lost because its acknowledgement could not be written
            queued = savepoint.execute(status -> acknowledgements.send(referral, message, to));
        } catch (RuntimeException e) {
            timeline.addEvent(referral.id(), now, "ACKNOWLEDGEMENT", "Not acknowledged: the email could not be "
                    + "written (" + e.getClass().getSimpleName() + ")", "system");
            events.publishEvent(new AcknowledgementNotSent(referral.id(), referral.reference(),
                    "the acknowledgement could not be written (" + e.getClass().getSimpleName() + ")"));
            log.warn("Referral {}: acknowledgement could not be written ({})", referral.reference(),
                    e.getClass().getSimpleName());
            return;
        }
        timeline.addEvent(referral.id(), now, "ACKNOWLEDGEMENT",
                "Acknowledgement " + (queued.state().name().equals("BLOCKED") ? "blocked (see exceptions)" : "queued")
                        + " with the reference", "system");
    }

}
