package uk.gov.redbridge.onepanel.requests.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.MatchRule;
import uk.gov.redbridge.onepanel.requests.RequestId;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.triage.ReplyKeys;

/**
 * Ties a reply to the request it answers, by the rules of the issue in their order: the threading headers name the
 * request's mail (or a reminder's); it was sent to the request's own address; the subject carries the request's
 * token; the sender's domain belongs to agencies of which exactly one has a request on the referral the subject or
 * body names. The first rule that finds a request decides, and is recorded.
 */
@Component
class ReplyMatcher {

    private static final String CORRELATION_PREFIX = "request:";

    sealed interface Result permits Found, Ambiguous, None {
    }

    record Found(InformationRequest request, MatchRule rule) implements Result {
    }

    /** @param explanation without personal data: reference, agency codes, domain */
    record Ambiguous(String explanation, ReferralReference reference) implements Result {
    }

    /** @param aboutOtherMail the threading names the service's mail that is not a request (an acknowledgement) */
    record None(boolean aboutOtherMail) implements Result {
    }

    private final RequestRepository repository;
    private final Correspondence correspondence;
    private final AgencyDirectory directory;

    ReplyMatcher(RequestRepository repository, Correspondence correspondence, AgencyDirectory directory) {
        this.repository = repository;
        this.correspondence = correspondence;
        this.directory = directory;
    }

    /**
     * @param sender   the reply's From address
     * @param bodyText the reply's text, read only if the last rule is reached
     */
    Result match(ReplyKeys keys, String sender, java.util.function.Supplier<String> bodyText) {
        // 1. threading: the nearest of the service's own mails the reply names decides
        for (String id : keys.ownThreadIds()) {
            Optional<OutboundMail> mail = correspondence.findByMessageId(id);
            if (mail.isPresent()) {
                Optional<InformationRequest> request = requestOf(mail.get());
                if (request.isPresent()) {
                    return new Found(request.get(), MatchRule.THREADING);
                }
                return new None(true);
            }
        }
        // 2. the request's own reply address
        for (String tag : keys.plusTags()) {
            Optional<InformationRequest> request = repository.findByReplyTag(tag);
            if (request.isPresent()) {
                return new Found(request.get(), MatchRule.REPLY_ADDRESS);
            }
        }
        // 3. the subject token [OP-2026-0001/NELFT]
        Optional<ReferralReference> subjectReference = reference(keys.reference());
        if (subjectReference.isPresent() && keys.agencyCode() != null) {
            Optional<InformationRequest> request = repository.find(subjectReference.get(), keys.agencyCode());
            if (request.isPresent()) {
                return new Found(request.get(), MatchRule.SUBJECT_TOKEN);
            }
        }
        // 4. the sender's agency, and the reference in the subject or else the body
        return bySenderAndReference(sender, subjectReference.map(List::of)
                .orElseGet(() -> referencesIn(bodyText.get())));
    }

    /** Only the rules that need no body (threading, reply address, token): for automatic replies. */
    Optional<Found> matchStrictly(ReplyKeys keys) {
        Result result = match(keys, "", () -> "");
        return result instanceof Found found && found.rule() != MatchRule.SENDER_AND_REFERENCE
                ? Optional.of(found) : Optional.empty();
    }

    private Result bySenderAndReference(String sender, List<ReferralReference> references) {
        List<Agency> agencies = directory.candidatesForSender(sender);
        if (agencies.isEmpty() || references.isEmpty()) {
            return new None(false);
        }
        Set<InformationRequest> found = new LinkedHashSet<>();
        for (ReferralReference reference : references) {
            for (Agency agency : agencies) {
                repository.find(reference, agency.code()).filter(r -> r.status() != RequestStatus.CANCELLED)
                        .ifPresent(found::add);
            }
        }
        if (found.size() == 1) {
            return new Found(found.iterator().next(), MatchRule.SENDER_AND_REFERENCE);
        }
        if (found.isEmpty()) {
            return new None(false);
        }
        List<String> which = found.stream().map(InformationRequest::token).toList();
        return new Ambiguous("The sender's domain (" + domain(sender) + ") and the reference fit more than one "
                + "request: " + String.join(", ", which) + ". Attach the reply to the right one.",
                found.iterator().next().reference());
    }

    private Optional<InformationRequest> requestOf(OutboundMail mail) {
        String correlation = mail.correlation();
        if (correlation == null || !correlation.startsWith(CORRELATION_PREFIX)) {
            return Optional.empty();
        }
        try {
            return repository.find(RequestId.of(correlation.substring(CORRELATION_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<ReferralReference> referencesIn(String text) {
        Set<ReferralReference> out = new LinkedHashSet<>();
        Matcher m = ReferralReference.IN_TEXT.matcher(text == null ? "" : text);
        while (m.find() && out.size() < 10) {
            reference(m.group()).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }

    /** A reference, or empty for text that is not one (including a number out of range, e.g. OP-1999-0001). */
    private static Optional<ReferralReference> reference(String text) {
        try {
            return ReferralReference.tryParse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "unknown" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
