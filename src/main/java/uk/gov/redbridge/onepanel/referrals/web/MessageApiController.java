package uk.gov.redbridge.onepanel.referrals.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.triage.Triage;
import uk.gov.redbridge.onepanel.triage.TriageDecision;

/** One inbound message: what was logged, what triage made of it, which referral it belongs to. */
@RestController
class MessageApiController {

    private final InboundMessages messages;
    private final Triage triage;
    private final ReferralLog log;

    MessageApiController(InboundMessages messages, Triage triage, ReferralLog log) {
        this.messages = messages;
        this.triage = triage;
        this.log = log;
    }

    record MessageDetail(String id, String mailbox, String mailboxAddress, String folder, long uidValidity, long uid,
            String messageIdHeader, String sender, List<String> recipients, String subject, Instant sentAt,
            Instant receivedAt, long size, String sha256, String quarantineReason, Verdict triage, String referral,
            List<Attachment> attachments) {
    }

    record Verdict(String verdict, String rule, String detail, boolean automatic) {
    }

    record Attachment(String fileName, String contentType, long size, boolean insideForwardedMessage) {
    }

    @GetMapping(path = "/api/messages/{id}", name = "api.message-read")
    MessageDetail detail(@PathVariable String id) {
        InboundMessageId messageId;
        try {
            messageId = InboundMessageId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message");
        }
        InboundMessage m = messages.find(messageId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such message"));
        List<Attachment> attachments = m.quarantined() ? List.of()
                : messages.parsed(m.id()).attachments().stream()
                        .map(a -> new Attachment(a.fileName(), a.contentType(), a.size(), a.insideForwardedMessage()))
                        .toList();
        Verdict verdict = triage.decisionFor(m.id()).map(MessageApiController::verdict).orElse(null);
        String referral = log.referralOfMessage(m.id()).flatMap(log::find).map(r -> r.reference().toString())
                .orElse(null);
        return new MessageDetail(m.id().toString(), m.mailbox(), m.mailboxAddress(), m.folder(), m.uidValidity(),
                m.uid(), m.messageIdHeader(), m.sender(), m.recipients(), m.subject(), m.sentAt(), m.receivedAt(),
                m.size(), m.sha256(), m.quarantineReason(), verdict, referral, attachments);
    }

    private static Verdict verdict(TriageDecision d) {
        return new Verdict(d.verdict().name(), d.rule(), d.detail(), d.automatic());
    }
}
