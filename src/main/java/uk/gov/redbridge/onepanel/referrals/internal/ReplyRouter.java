package uk.gov.redbridge.onepanel.referrals.internal;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyNotMatched;
import uk.gov.redbridge.onepanel.triage.ReplyReceived;

/** Offers each reply to the handlers in order; a reply nobody takes is an exception for the secretariat. */
@Service
class ReplyRouter {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);

    private final List<ReplyHandler> handlers;
    private final ApplicationEventPublisher events;
    private final InboundMessages messages;

    ReplyRouter(List<ReplyHandler> handlers, ApplicationEventPublisher events, InboundMessages messages) {
        this.handlers = handlers.stream().sorted(Comparator.comparingInt(ReplyHandler::order)).toList();
        this.events = events;
        this.messages = messages;
    }

    @ApplicationModuleListener
    @Async(IntakeExecutorConfiguration.EXECUTOR)
    void on(ReplyReceived received) {
        // triage never announces a quarantined message (its bytes were not kept): nothing to read, nobody to offer
        InboundMessage message = messages.find(received.messageId()).filter(m -> !m.quarantined()).orElse(null);
        IncomingReply reply = message == null ? null : new IncomingReply(message.id().value(), received.mailbox(),
                message.sender(), messages.parsed(message.id()), received.keys().ownThreadIds(),
                received.keys().plusTags(), received.keys().reference(), received.keys().agencyCode());
        for (ReplyHandler handler : reply == null ? List.<ReplyHandler>of() : handlers) {
            ReplyHandler.Outcome outcome = handler.handle(reply);
            if (outcome.result() == ReplyHandler.Result.HANDLED) {
                log.info("Reply {} taken by {}", received.messageId(), handler.getClass().getSimpleName());
                return;
            }
            if (outcome.result() == ReplyHandler.Result.AMBIGUOUS) {
                events.publishEvent(new ReplyNotMatched(received.messageId(), received.mailbox(), "ambiguous_reply",
                        outcome.explanation(), outcome.referralReference()));
                return;
            }
        }
        events.publishEvent(new ReplyNotMatched(received.messageId(), received.mailbox(), "unmatched_reply",
                "The message looks like a reply to the service, but it names no referral or request the service "
                        + "knows: attach it by hand", received.keys().reference()));
    }
}
