package uk.gov.redbridge.onepanel.referrals.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;

import uk.gov.redbridge.onepanel.shared.web.BadQuery;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.LinkedMessage;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.referrals.TimelineEntry;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.triage.Triage;
import uk.gov.redbridge.onepanel.triage.TriageDecision;

/** The referral log for integrations and checks (HTTP Basic, role API). */
@RestController
class ReferralApiController {

    private final ReferralLog log;
    private final InboundMessages messages;
    private final Triage triage;
    private final Correspondence correspondence;

    ReferralApiController(ReferralLog log, InboundMessages messages, Triage triage, Correspondence correspondence) {
        this.log = log;
        this.messages = messages;
        this.triage = triage;
        this.correspondence = correspondence;
    }

    record ReferralSummary(String reference, String status, String pathway, String subject, String mailbox,
            Instant receivedAt, boolean reviewNeeded, List<String> missingFields) {

        static ReferralSummary of(Referral r) {
            return new ReferralSummary(r.reference().toString(), r.status().name(), r.pathway().name(),
                    r.subject().displayName(), r.mailbox(), r.receivedAt(), r.reviewNeeded(), r.missingFields());
        }
    }

    record ReferralDetail(String reference, String status, String pathway, String pathwayLabel, String pathwayReason,
            String mailbox, Instant receivedAt, Subject subject, Referrer referrer, JsonNode form,
            List<String> missingFields, boolean reviewNeeded, List<Document> documents, List<Message> messages,
            List<Outbound> outboundMail, List<TimelineEntry> timeline) {
    }

    record Subject(String firstName, String lastName, String dateOfBirth, Integer age) {
    }

    record Referrer(String name, String agency, String email, String sentFrom) {
    }

    record Document(String id, String fileName, String contentType, long size, String role, String messageId,
            String addedBy) {
    }

    record Message(String id, String role, String mailbox, String messageIdHeader, String sender, Instant receivedAt,
            String verdict, String rule) {
    }

    record Outbound(String id, String messageId, String template, String subject, List<String> to, String state,
            int attempts, Instant createdAt, Instant sentAt, String lastError) {
    }

    /**
     * The log, newest first: every referral, or those with a status. {@code limit} (1 to 5000, 500 unless given) caps
     * an unfiltered list. A status the service does not have, or a limit that is not a number in range, is a 400
     * problem that does not repeat what was sent.
     */
    @GetMapping(path = "/api/referrals", name = "api.log-read")
    List<ReferralSummary> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String limit) {
        int most = limit == null || limit.isBlank() ? 500 : BadQuery.positiveNumber("limit", limit,
                "limit is a whole number from 1 to 5000");
        if (most > 5000) {
            throw new BadQuery("limit", "limit is a whole number from 1 to 5000");
        }
        if (status == null) {
            return log.latest(most).stream().map(ReferralSummary::of).toList();
        }
        ReferralStatus wanted = CaseController.enumValue(ReferralStatus.class, status.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new BadQuery("status", "status is one of " + java.util.Arrays.toString(
                        ReferralStatus.values())));
        return log.withStatus(wanted).stream().map(ReferralSummary::of).toList();
    }

    @GetMapping(path = "/api/referrals/{reference}", name = "api.referral-read")
    ReferralDetail detail(@PathVariable String reference) {
        Referral r = ReferralReference.tryParse(reference).flatMap(log::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such referral"));
        List<Document> documents = log.documents(r.id()).stream().map(ReferralApiController::document).toList();
        List<Message> linked = log.messages(r.id()).stream().map(this::message).toList();
        List<Outbound> outbound = correspondence.forReferral(r.reference().toString()).stream()
                .map(ReferralApiController::outbound).toList();
        return new ReferralDetail(r.reference().toString(), r.status().name(), r.pathway().name(),
                r.pathway().label(), r.pathwayReason(), r.mailbox(), r.receivedAt(),
                new Subject(r.subject().firstName(), r.subject().lastName(), r.subject().dateOfBirth(),
                        r.subject().age()),
                new Referrer(r.referrer().name(), r.referrer().agency(), r.referrer().email(),
                        r.referrer().senderAddress()),
                r.form().toJsonNode(), r.missingFields(), r.reviewNeeded(), documents, linked, outbound,
                log.timeline(r.id()));
    }

    private static Document document(ReferralDocument d) {
        return new Document(d.id().toString(), d.fileName(), d.contentType(), d.size(), d.role(),
                d.messageId() == null ? null : d.messageId().toString(), d.addedBy());
    }

    private Message message(LinkedMessage link) {
        Optional<InboundMessage> m = messages.find(link.messageId());
        Optional<TriageDecision> decision = triage.decisionFor(link.messageId());
        return new Message(link.messageId().toString(), link.role(), m.map(InboundMessage::mailbox).orElse(null),
                m.map(InboundMessage::messageIdHeader).orElse(null), m.map(InboundMessage::sender).orElse(null),
                m.map(InboundMessage::receivedAt).orElse(null),
                decision.map(d -> d.verdict().name()).orElse(null), decision.map(TriageDecision::rule).orElse(null));
    }

    static Outbound outbound(OutboundMail m) {
        return new Outbound(m.id().toString(), m.messageId(), m.template(), m.subject(), m.to(), m.state().name(),
                m.attempts(), m.createdAt(), m.sentAt(), m.lastError());
    }

}
