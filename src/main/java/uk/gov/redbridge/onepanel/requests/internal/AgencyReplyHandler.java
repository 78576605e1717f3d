package uk.gov.redbridge.onepanel.requests.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailparsing.ReplyText;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.triage.ReplyKeys;

/**
 * Takes the replies that answer an information request, before the referral log's own handler (order 100) looks
 * for a referrer's reply. A reply that fits more than one request is ambiguous (an exception for the secretariat);
 * one that fits none, or threads onto other mail of the service, is not this handler's.
 */
@Component
class AgencyReplyHandler implements ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(AgencyReplyHandler.class);

    private final ReplyMatcher matcher;
    private final ReturnRecorder recorder;
    private final InboundMessages messages;

    AgencyReplyHandler(ReplyMatcher matcher, ReturnRecorder recorder, InboundMessages messages) {
        this.matcher = matcher;
        this.recorder = recorder;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Outcome handle(IncomingReply reply) {
        InboundMessage message = messages.find(new InboundMessageId(reply.messageId())).orElse(null);
        if (message == null || message.quarantined()) {
            return Outcome.notMine();
        }
        ParsedMail mail = reply.mail();
        ReplyMatcher.Result result = matcher.match(keys(reply), ReturnRecorder.senderOf(mail, message),
                () -> ReplyText.bodyText(mail));
        if (result instanceof ReplyMatcher.Found found) {
            ReturnRecorder.Outcome outcome = recorder.record(found.request(), message, mail, found.rule(),
                    ScreeningProgress.SYSTEM);
            log.info("Reply {} matched request {} by {}: {}", message.id(), found.request().id(), found.rule(),
                    outcome);
            return Outcome.handled(found.request().reference().toString());
        }
        if (result instanceof ReplyMatcher.Ambiguous ambiguous) {
            return Outcome.ambiguous(ambiguous.explanation(), ambiguous.reference().toString());
        }
        return Outcome.notMine();
    }

    private static ReplyKeys keys(IncomingReply reply) {
        return new ReplyKeys(reply.ownThreadIds(), reply.plusTags(), reply.reference(), reply.agencyCode());
    }
}
