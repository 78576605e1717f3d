package uk.gov.redbridge.onepanel.meetings.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailparsing.ReplyText;
import uk.gov.redbridge.onepanel.meetings.FurtherInformation;
import uk.gov.redbridge.onepanel.meetings.MemberAnswer;
import uk.gov.redbridge.onepanel.meetings.PanelMember;
import uk.gov.redbridge.onepanel.meetings.Recommendation;
import uk.gov.redbridge.onepanel.referrals.IncomingReply;
import uk.gov.redbridge.onepanel.referrals.ReceivedReplies;
import uk.gov.redbridge.onepanel.referrals.ReplyHandler;
import uk.gov.redbridge.onepanel.referrals.ReplyMessage;
import uk.gov.redbridge.onepanel.referrals.ReplyRecognised;

/**
 * Takes the members' answers to a request for further information: a reply that threads onto that email
 * (correlation {@code panel-query:<id>}) or is sent to its reply address ({@code +panel-<id>}). Runs before the
 * information requests' handler (a member's agency has a request on the same referral) and claims nothing else.
 * Each answer is recorded once, with the member (or, for someone else, the agency the sender's domain belongs to)
 * and the recommendation its first line names, if any.
 */
@Component
class MemberReplyHandler implements ReplyHandler {

    static final String OWNER = "meetings";
    static final String CORRELATION = "panel-query:";
    private static final String TAG = "panel-";
    private static final int MAX_ANSWER = 4000;

    private final Correspondence correspondence;
    private final DecisionRepository decisions;
    private final MeetingsSettings settings;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final ReceivedReplies replies;

    MemberReplyHandler(Correspondence correspondence, DecisionRepository decisions, MeetingsSettings settings,
            AgencyDirectory directory, Clock clock, ReceivedReplies replies) {
        this.replies = replies;
        this.correspondence = correspondence;
        this.decisions = decisions;
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    static String replyAddress(String mailboxAddress, UUID requestId) {
        int at = mailboxAddress.indexOf('@');
        return mailboxAddress.substring(0, at) + "+" + TAG + requestId.toString().replace("-", "")
                + mailboxAddress.substring(at);
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String owner() {
        return OWNER;
    }

    @Override
    public Recognition recognise(IncomingReply reply) {
        for (String id : reply.ownThreadIds()) {
            Optional<OutboundMail> mail = correspondence.findByMessageId(id);
            if (mail.isPresent()) {
                // the nearest of the service's mails the reply threads onto decides, whoever's it is
                String c = mail.get().correlation();
                return c != null && c.startsWith(CORRELATION) ? recognised(c.substring(CORRELATION.length()),
                        "threading") : Recognition.notMine();
            }
        }
        for (String tag : reply.plusTags()) {
            if (tag.startsWith(TAG)) {
                return recognised(tag.substring(TAG.length()), "reply address");
            }
        }
        return Recognition.notMine();
    }

    private Recognition recognised(String requestId, String matchedBy) {
        return parse(requestId).flatMap(decisions::request)
                .map(r -> Recognition.mine(r.id().toString(), matchedBy, null)).orElseGet(Recognition::notMine);
    }

    /** Records a member's answer recognised as such: once per request and message. */
    @ApplicationModuleListener
    void on(ReplyRecognised recognised) {
        if (!OWNER.equals(recognised.owner())) {
            return;
        }
        Optional<FurtherInformation> request = decisions.request(UUID.fromString(recognised.target()));
        Optional<ReplyMessage> reply = replies.message(recognised.messageId());
        if (request.isEmpty() || reply.isEmpty()) {
            // never dropped in silence: the publication stays incomplete and is shown as stuck work
            throw new IllegalStateException("Reply " + recognised.messageId() + " was recognised for further "
                    + "information request " + recognised.target() + ", which is not there to record it");
        }
        record(request.get(), reply.get());
    }

    private void record(FurtherInformation request, ReplyMessage reply) {
        ParsedMail mail = reply.mail();
        String from = MailAnatomy.addresses(mail.header("From")).stream().findFirst()
                .orElse(reply.sender() == null ? "" : reply.sender()).toLowerCase(Locale.ROOT);
        Optional<PanelMember> member = settings.members().stream()
                .filter(m -> m.email().equalsIgnoreCase(from)).findFirst();
        String agency = member.map(PanelMember::agency)
                .orElseGet(() -> directory.forSenderAddress(from).map(a -> a.code()).orElse(null));
        // the member's own words: the quoted question below (or above) them is not the answer
        String own = ReplyText.newText(mail);
        String text = (own == null || own.isBlank() ? ReplyText.bodyText(mail) : own).strip();
        MemberAnswer answer = new MemberAnswer(member.map(PanelMember::name).orElse(null), agency, from,
                position(text), text.length() > MAX_ANSWER ? text.substring(0, MAX_ANSWER) : text, clock.instant());
        decisions.addAnswer(request.id(), reply.id(), answer);
    }

    /** The recommendation the answer's first words name ("SAR", "No review", "DARDR ..."), if any. */
    static Recommendation position(String text) {
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String words = first.replaceAll("[^A-Za-z /_-]", " ").strip();
        for (int n = Math.min(3, words.split("\\s+").length); n >= 1; n--) {
            String[] parts = words.split("\\s+");
            Optional<Recommendation> r = Recommendation.parse(String.join(" ",
                    java.util.Arrays.copyOfRange(parts, 0, n)));
            if (r.isPresent()) {
                return r.get();
            }
        }
        return null;
    }

    private static Optional<UUID> parse(String text) {
        String hex = text.replace("-", "");
        if (!hex.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
    }
}
