package uk.gov.redbridge.onepanel.requests.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.mailparsing.ReplyText;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.AgencyReply;
import uk.gov.redbridge.onepanel.requests.AgencyReplyNeedsAttention;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.requests.ReturnDocument;
import uk.gov.redbridge.onepanel.requests.ReturnReceived;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * Records a reply against the request it matched, once: its documents (attachments, unpacked winmail.dat, its
 * text), whether it is a return or a "not known to the service", the rule that matched, a line on the referral's
 * timeline. A reply from a domain the directory does not know, or to a cancelled request, is held for the
 * secretariat instead; a further reply to an answered request is kept and shown to them.
 */
@Component
class ReturnRecorder {

    enum Outcome { RECORDED, ALREADY_RECORDED, HELD }

    static final String UNKNOWN_DOMAIN = "reply_from_unknown_domain";
    static final String CLOSED_REQUEST = "reply_to_closed_request";

    private final RequestRepository repository;
    private final RequestReplies replies;
    private final ReturnDocuments documents;
    private final InboundMessages messages;
    private final AgencyDirectory directory;
    private final ReferralLog referrals;
    private final ScreeningProgress progress;
    private final RequestsSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnRecorder(RequestRepository repository, RequestReplies replies, ReturnDocuments documents,
            InboundMessages messages, AgencyDirectory directory, ReferralLog referrals, ScreeningProgress progress,
            RequestsSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.replies = replies;
        this.documents = documents;
        this.messages = messages;
        this.directory = directory;
        this.referrals = referrals;
        this.progress = progress;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param rule how the reply was matched; {@link MatchRule#BY_HAND} (a person vouches for it) skips the sender
     *             check, and refuses a cancelled request
     * @throws IllegalStateException attaching by hand to a cancelled request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome record(InformationRequest request, InboundMessage message, MatchRule rule, String actor) {
        return record(request, message, messages.parsed(message.id()), rule, actor);
    }

    /** As {@link #record(InformationRequest, InboundMessage, MatchRule, String)}, with the message already read. */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome record(InformationRequest request, InboundMessage message, ParsedMail mail, MatchRule rule,
            String actor) {
        Optional<AgencyReply> existing = replies.reply(request.id(), message.id());
        if (existing.isPresent() && existing.get().kind() != AgencyReply.Kind.HELD) {
            return Outcome.ALREADY_RECORDED;
        }
        boolean byHand = rule == MatchRule.BY_HAND;
        String sender = senderOf(mail, message);
        Instant now = clock.instant();
        if (!byHand && !directory.isAllowedDomain(sender)) {
            return hold(request, message, rule, existing.isPresent(), UNKNOWN_DOMAIN, "A reply to the request "
                    + request.token() + " (" + rule.label() + ") came from a domain that is not in the "
                    + "agency directory (" + ReplyMatcher.domain(sender) + "). It is held: attach it to the request "
                    + "if it is genuine.", actor);
        }
        if (request.status() == RequestStatus.CANCELLED) {
            if (byHand) {
                throw new IllegalStateException("the request " + request.token() + " was cancelled");
            }
            return hold(request, message, rule, existing.isPresent(), CLOSED_REQUEST, "A reply to the request "
                    + request.token() + " arrived after the request was cancelled. It is held: attach it to the "
                    + "request to keep it as a return.", actor);
        }
        List<ReturnParts.Part> parts = ReturnParts.of(mail);
        for (ReturnParts.Part part : parts) {
            documents.addDocument(new ReturnDocument(UUID.randomUUID(), request.id(), message.id(), part.path(),
                    part.fileName(), part.contentType(), part.content().length, ContentStore.sha256Hex(part.content()),
                    now, null));
        }
        long documents = parts.stream().filter(ReturnParts.Part::document).count();
        Optional<String> notKnown = ReturnParts.hasDocuments(parts) ? Optional.empty()
                : ReplyText.findPhrase(ReplyText.newText(mail), settings.notKnownPhrases());
        RequestStatus answer = notKnown.isPresent() ? RequestStatus.NOT_KNOWN : RequestStatus.RETURNED;
        AgencyReply.Kind kind;
        String note;
        String timeline;
        if (answer(request, answer, rule, message.id(), now)) {
            kind = notKnown.isPresent() ? AgencyReply.Kind.NOT_KNOWN : AgencyReply.Kind.RETURN;
            boolean late = late(request);
            note = notKnown.map(p -> "The agency does not know the person: the reply says '" + p + "'")
                    .orElse("Return with " + documents + " documents") + (late ? "; after the due date" : "");
            timeline = (notKnown.isPresent() ? directory.nameOf(request.agencyCode()) + " does not know the person"
                    : "Return from " + directory.nameOf(request.agencyCode()) + " (" + documents + " documents)")
                    + (late ? ", after the due date" : "");
        } else {
            RequestStatus answered = repository.find(request.id()).map(InformationRequest::status)
                    .orElse(request.status());
            kind = AgencyReply.Kind.FURTHER_REPLY;
            note = "A further reply after the request was answered (" + answered.name().toLowerCase(Locale.ROOT)
                    + "); kept with it";
            timeline = "Further reply from " + directory.nameOf(request.agencyCode()) + " after its answer";
            events.publishEvent(new AgencyReplyNeedsAttention(message.id(), message.mailbox(), request.reference(),
                    request.agencyCode(), CLOSED_REQUEST, request.agencyCode() + " replied again on "
                            + request.reference() + " after its request was answered (" + answered.name()
                            + "). The reply and its " + documents + " documents are kept with the request: check "
                            + "whether they change the return."));
        }
        if (!byHand && !fromOwnAgency(sender, request.agencyCode())) {
            note += "; sent from " + ReplyMatcher.domain(sender) + ", not one of " + request.agencyCode()
                    + "'s own domains";
        }
        replies.saveReply(request.id(), new AgencyReply(message.id(), kind, rule, note, now, actor));
        if (kind == AgencyReply.Kind.RETURN || kind == AgencyReply.Kind.NOT_KNOWN) {
            replies.recordStatusBefore(request.id(), message.id(), request.status());
        }
        referrals.linkAgencyReply(request.reference(), message.id(), timeline + ", " + rule.label(), actor);
        progress.check(request.reference());
        return Outcome.RECORDED;
    }

    /**
     * The agency said, other than by a reply the service holds (by telephone, say), that the person is not known to
     * its service: the secretariat records it. False if the request was answered or cancelled already.
     */
    boolean recordNotKnownByHand(InformationRequest request, String actor) {
        if (!answer(request, RequestStatus.NOT_KNOWN, MatchRule.BY_HAND, null, clock.instant())) {
            return false;
        }
        referrals.note(request.reference(), "REQUESTS", directory.nameOf(request.agencyCode())
                + " does not know the person (recorded by the secretariat)", actor);
        progress.check(request.reference());
        return true;
    }

    /**
     * Answers the request (RETURNED or NOT_KNOWN, with the rule that tied the answer to it) and publishes
     * {@link ReturnReceived}, once: however a return comes (a matched reply, one attached or recorded by hand, a
     * document added by hand), this is the step that closes the request. The conditional update decides: of two
     * answers processed at once, one answers and the other is further.
     *
     * @param messageId the reply that answered it; null when nothing came by email
     * @return false if the request was answered or cancelled before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean answer(InformationRequest request, RequestStatus answer, MatchRule rule, InboundMessageId messageId,
            Instant at) {
        if (request.status().answered() || !repository.markAnswered(request.id(), answer, rule, at)) {
            return false;
        }
        events.publishEvent(new ReturnReceived(request.id(), request.reference(), request.agencyCode(), answer,
                messageId));
        return true;
    }

    /** Answered after its due date had passed. */
    static boolean late(InformationRequest request) {
        return request.status() == RequestStatus.OVERDUE || request.status() == RequestStatus.ESCALATED;
    }

    private Outcome hold(InformationRequest request, InboundMessage message, MatchRule rule, boolean heldBefore,
            String reason, String explanation, String actor) {
        if (!heldBefore) {
            replies.saveReply(request.id(), new AgencyReply(message.id(), AgencyReply.Kind.HELD, rule,
                    reason + ": waiting in the exceptions queue", clock.instant(), actor));
            events.publishEvent(new AgencyReplyNeedsAttention(message.id(), message.mailbox(), request.reference(),
                    request.agencyCode(), reason, explanation));
        }
        return Outcome.HELD;
    }

    private boolean fromOwnAgency(String sender, String agencyCode) {
        return directory.candidatesForSender(sender).stream().anyMatch(a -> a.code().equalsIgnoreCase(agencyCode));
    }

    static String senderOf(ParsedMail mail, InboundMessage message) {
        List<String> from = MailAnatomy.addresses(mail.header("From"));
        if (!from.isEmpty()) {
            return from.get(0);
        }
        return message.sender() == null ? "" : message.sender().toLowerCase(Locale.ROOT);
    }
}
