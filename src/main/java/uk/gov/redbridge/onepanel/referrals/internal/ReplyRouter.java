package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyNotMatched;
import uk.gov.redbridge.onepanel.triage.ReplyReceived;

/** Offers each reply to the handlers in order; a reply nobody takes is an exception for the secretariat. */
@Service
class ReplyRouter {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);

    private final List<ReplyHandler> handlers;
    private final ApplicationEventPublisher events;

    ReplyRouter(List<ReplyHandler> handlers, ApplicationEventPublisher events) {
        this.handlers = handlers.stream().sorted(Comparator.comparingInt(ReplyHandler::order)).toList();
        this.events = events;
    }

    @ApplicationModuleListener
    @Async(IntakeExecutorConfiguration.EXECUTOR)
    void on(ReplyReceived reply) {
        for (ReplyHandler handler : handlers) {
            ReplyHandler.Outcome outcome = handler.handle(reply);
            if (outcome.result() == ReplyHandler.Result.HANDLED) {
                log.info("Reply {} taken by {}", reply.messageId(), handler.getClass().getSimpleName());
                return;
            }
            if (outcome.result() == ReplyHandler.Result.AMBIGUOUS) {
                events.publishEvent(new ReplyNotMatched(reply.messageId(), reply.mailbox(), "ambiguous_reply",
                        outcome.explanation(), outcome.referralReference()));
                return;
            }
        }
        events.publishEvent(new ReplyNotMatched(reply.messageId(), reply.mailbox(), "unmatched_reply",
                "The message looks like a reply to the service, but it names no referral or request the service "
                        + "knows: attach it by hand", reply.keys().reference()));
    }
}
