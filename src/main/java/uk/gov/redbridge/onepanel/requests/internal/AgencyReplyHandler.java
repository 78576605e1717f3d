package uk.gov.redbridge.onepanel.requests.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyRecognised;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.triage.ReplyKeys;

/**
 * Recognises the replies that answer an information request, before the referral log's own handler (order 100)
 * looks for a referrer's reply, and records them when the referral log says so ({@link ReplyRecognised}). A reply
 * that fits more than one request is ambiguous (an exception for the secretariat); one that fits none, or threads
 * onto other mail of the service, is not this handler's.
 */
@Component
class AgencyReplyHandler implements ReplyHandler {

    static final String OWNER = "requests";

    private static final Logger log = LoggerFactory.getLogger(AgencyReplyHandler.class);

    private final ReplyMatcher matcher;
    private final ReturnRecorder recorder;
    private final RequestRepository repository;
    private final InboundMessages messages;

    AgencyReplyHandler(ReplyMatcher matcher, ReturnRecorder recorder, RequestRepository repository,
            InboundMessages messages) {
        this.matcher = matcher;
        this.recorder = recorder;
        this.repository = repository;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public Recognition recognise(IncomingReply reply) {
        InboundMessage message = messages.find(new InboundMessageId(reply.message().id())).orElse(null);
        if (message == null || message.quarantined()) {
            return Recognition.notMine();
        }
        ReplyMatcher.Result result = matcher.match(keys(reply), ReturnRecorder.senderOf(reply.message().mail(), message),
                () -> uk.gov.redbridge.onepanel.mailparsing.ReplyText.bodyText(reply.message().mail()));
        if (result instanceof ReplyMatcher.Found found) {
            return Recognition.mine(found.request().id().value().toString(), found.rule().name(),
                    found.request().reference().toString());
        }
        if (result instanceof ReplyMatcher.Ambiguous ambiguous) {
            return Recognition.ambiguous(ambiguous.explanation(), ambiguous.reference().toString());
        }
        return Recognition.notMine();
    }

    /** Records a reply recognised as a return to one of this module's requests: once per request and message. */
    @ApplicationModuleListener
    void on(ReplyRecognised recognised) {
        if (!OWNER.equals(recognised.owner())) {
            return;
        }
        InboundMessage message = messages.find(new InboundMessageId(recognised.messageId())).orElse(null);
        InformationRequest request = repository.find(RequestId.of(recognised.target())).orElse(null);
        if (message == null || request == null) {
            // never dropped in silence: the publication stays incomplete and is shown as stuck work
            throw new IllegalStateException("Reply " + recognised.messageId() + " was recognised for request "
                    + recognised.target() + ", which is not there to record it");
        }
        MatchRule rule = MatchRule.valueOf(recognised.matchedBy());
        ReturnRecorder.Outcome outcome = recorder.record(request, message, messages.parsed(message.id()), rule,
                ScreeningProgress.SYSTEM);
        log.info("Reply {} matched request {} by {}: {}", message.id(), request.id(), rule, outcome);
    }

    private static ReplyKeys keys(IncomingReply reply) {
        return new ReplyKeys(reply.ownThreadIds(), reply.plusTags(), reply.reference(), reply.agencyCode());
    }
}
