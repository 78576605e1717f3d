package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.ReceivedReplies;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyMessage;
import uk.gov.redbridge.onepanel.referrals.ReplyNotMatched;
import uk.gov.redbridge.onepanel.referrals.ReplyRecognised;
import uk.gov.redbridge.onepanel.triage.ReplyReceived;

/**
 * Offers each reply to the handlers in order; the first that recognises it wins, and a {@link ReplyRecognised}
 * event tells its module to record it. A reply nobody recognises is an exception for the secretariat.
 */
@Service
class ReplyRouter {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);

    private final List<ReplyHandler> handlers;
    private final ApplicationEventPublisher events;
    private final ReceivedReplies replies;

    ReplyRouter(List<ReplyHandler> handlers, ApplicationEventPublisher events, ReceivedReplies replies) {
        this.handlers = handlers.stream().sorted(Comparator.comparingInt(ReplyHandler::order)).toList();
        this.events = events;
        this.replies = replies;
    }

    @ApplicationModuleListener
    @Async(IntakeExecutorConfiguration.EXECUTOR)
    void on(ReplyReceived received) {
        // triage never announces a quarantined message (its bytes were not kept): then nothing to offer
        ReplyMessage message = replies.message(received.messageId().value()).orElse(null);
        IncomingReply reply = message == null ? null : new IncomingReply(message, received.keys().ownThreadIds(),
                received.keys().plusTags(), received.keys().reference(), received.keys().agencyCode());
        for (ReplyHandler handler : reply == null ? List.<ReplyHandler>of() : handlers) {
            ReplyHandler.Recognition recognition = handler.recognise(reply);
            if (recognition.result() == ReplyHandler.Result.MINE) {
                log.info("Reply {} recognised by {} ({})", received.messageId(), handler.getClass().getSimpleName(),
                        recognition.matchedBy());
                events.publishEvent(new ReplyRecognised(message.id(), received.mailbox(), handler.owner(),
                        recognition.target(), recognition.matchedBy(), recognition.referralReference()));
                return;
            }
            if (recognition.result() == ReplyHandler.Result.AMBIGUOUS) {
                events.publishEvent(new ReplyNotMatched(received.messageId(), received.mailbox(), "ambiguous_reply",
                        recognition.explanation(), recognition.referralReference()));
                return;
            }
        }
        events.publishEvent(new ReplyNotMatched(received.messageId(), received.mailbox(), "unmatched_reply",
                "The message looks like a reply to the service, but it names no referral or request the service "
                        + "knows: attach it by hand", received.keys().reference()));
    }
}
