package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.triage.AutoReplyReceived;

/**
 * An agency's out-of-office reply is recorded against its request (by threading, reply address or token), so the
 * secretariat knows the request may sit unread; it is never a return and changes no status.
 */
@Component
class AutoReplyListener {

    private final ReplyMatcher matcher;
    private final RequestReplies replies;
    private final ReferralLog referrals;
    private final Clock clock;

    AutoReplyListener(ReplyMatcher matcher, RequestReplies replies, ReferralLog referrals, Clock clock) {
        this.matcher = matcher;
        this.replies = replies;
        this.referrals = referrals;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AutoReplyReceived event) {
        ReplyMatcher.Found found = matcher.matchStrictly(event.keys()).orElse(null);
        if (found == null || replies.reply(found.request().id(), event.messageId()).isPresent()) {
            return;
        }
        InformationRequest request = found.request();
        replies.saveReply(request.id(), new AgencyReply(event.messageId(), AgencyReply.Kind.AUTO_REPLY,
                found.rule(), "An automatic reply (" + event.rule() + "): not a return",
                clock.instant(), ScreeningProgress.SYSTEM));
        referrals.note(request.reference(), "AUTO_REPLY", "Automatic reply (e.g. out of office) to the request "
                + request.token() + "; the request is still open", ScreeningProgress.SYSTEM);
    }
}
