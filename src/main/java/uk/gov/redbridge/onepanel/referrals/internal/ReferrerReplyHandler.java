package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.FormExtractor;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.ReferrerReplied;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyRecognised;
import uk.gov.redbridge.onepanel.shared.ReferralReference;

/**
 * Replies about a referral as a whole — typically the referrer answering an acknowledgement that asked for missing
 * information. Runs after the handlers for more specific things (an agency's information request). If the referral
 * was waiting for information, the reply is read for the missing fields; what it supplies fills gaps only, never
 * overwrites what the form said.
 */
@Component
class ReferrerReplyHandler implements ReplyHandler {

    static final String OWNER = "referrals";

    private final Correspondence correspondence;
    private final ReferralRepository repository;
    private final ReferralMessages links;
    private final ReferralTimeline timeline;
    private final ReferralWriter writer;
    private final InboundMessages messages;
    private final FormExtractor extractor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferrerReplyHandler(Correspondence correspondence, ReferralRepository repository, ReferralMessages links,
            ReferralTimeline timeline, ReferralWriter writer, InboundMessages messages, FormExtractor extractor,
            ApplicationEventPublisher events, Clock clock) {
        this.correspondence = correspondence;
        this.repository = repository;
        this.links = links;
        this.timeline = timeline;
        this.writer = writer;
        this.messages = messages;
        this.extractor = extractor;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public Recognition recognise(IncomingReply reply) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String id : reply.ownThreadIds()) {
            correspondence.findByMessageId(id).map(OutboundMail::referralReference).ifPresent(candidates::add);
        }
        boolean threaded = !candidates.isEmpty();
        if (candidates.isEmpty() && reply.reference() != null) {
            candidates.add(reply.reference());
        }
        if (candidates.size() > 1) {
            return Recognition.ambiguous("The reply's threading names more than one referral", null);
        }
        if (candidates.isEmpty()) {
            return Recognition.notMine();
        }
        Optional<Referral> found = ReferralReference.tryParse(candidates.iterator().next())
                .flatMap(repository::find);
        if (found.isEmpty()) {
            return Recognition.notMine();
        }
        String reference = found.get().reference().toString();
        return Recognition.mine(reference, threaded ? "threading" : "reference", reference);
    }

    /** Records a reply recognised as a referrer's: once (linking the message to the referral is the guard). */
    @ApplicationModuleListener
    @Async(IntakeExecutorConfiguration.EXECUTOR) // reads the reply's attachments as a form: intake's threads, as before
    void on(ReplyRecognised recognised) {
        if (!OWNER.equals(recognised.owner())) {
            return;
        }
        Optional<Referral> found = ReferralReference.tryParse(recognised.target())
                .flatMap(repository::find);
        if (found.isEmpty()) {
            // never dropped in silence: the publication stays incomplete and is shown as stuck work
            throw new IllegalStateException("Reply " + recognised.messageId() + " was recognised for a referral "
                    + "that is not there to record it");
        }
        Referral referral = found.get();
        InboundMessage message = messages.find(new InboundMessageId(recognised.messageId())).orElseThrow();
        Instant now = clock.instant();
        if (!links.linkMessage(referral.id(), message.id(), "REPLY", now, ReferralWriter.SYSTEM)) {
            return;
        }
        ParsedMail mail = messages.parsed(message.id());
        writer.addDocuments(referral.id(), message, mail, null, "REPLY_ATTACHMENT");
        String from = ReferralWriter.replyAddressOf(mail, message);
        boolean fromReferrer = from != null && (from.equalsIgnoreCase(referral.referrer().senderAddress())
                || from.equalsIgnoreCase(referral.referrer().email()));
        timeline.addEvent(referral.id(), now, "REPLY", "Reply received from "
                + (fromReferrer ? "the referrer" : "another sender") + " to " + message.mailboxAddress(),
                ReferralWriter.SYSTEM);
        List<String> stillMissing = referral.missingFields();
        if (referral.status() == ReferralStatus.NEEDS_INFORMATION) {
            stillMissing = fillGaps(referral, mail);
        }
        events.publishEvent(new ReferrerReplied(referral.id(), referral.reference(), message.id(), stillMissing));
    }

    /** Reads the reply as a form (attachment or body) and takes from it only fields the referral lacks. */
    private List<String> fillGaps(Referral referral, ParsedMail mail) {
        Optional<FilledForm> answers = extractor.answersIn(mail);
        if (answers.isEmpty()) {
            return referral.missingFields();
        }
        List<SubjectIdentity.Difference> otherPerson = SubjectIdentity.between(referral.form(), answers.get());
        if (!otherPerson.isEmpty()) {
            // a form about someone else: nothing of it reaches this referral; the secretariat is told (exception)
            timeline.addEvent(referral.id(), clock.instant(), "REPLY", "The reply holds a form about another "
                    + "person (" + FormGaps.labels(otherPerson.stream().map(SubjectIdentity.Difference::key).toList())
                    + " differ): nothing was taken from it", ReferralWriter.SYSTEM);
            return referral.missingFields();
        }
        FormGaps gaps = FormGaps.fill(referral.form(), answers.get());
        if (!gaps.changed()) {
            return referral.missingFields();
        }
        FilledForm form = gaps.form();
        writer.replaceForm(referral.id(), form, ReferralWriter.SYSTEM,
                "Fields added from the referrer's reply: " + gaps.filledList());
        List<String> missing = RequiredFields.missing(form);
        if (missing.isEmpty()) {
            writer.changeStatus(referral.id(), ReferralStatus.RECEIVED, ReferralWriter.SYSTEM,
                    "the reply supplied the missing information");
        }
        return missing;
    }
}
