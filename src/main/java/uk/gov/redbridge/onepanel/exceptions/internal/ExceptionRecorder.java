package uk.gov.redbridge.onepanel.exceptions.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutboundBlocked;
import uk.gov.redbridge.onepanel.correspondence.OutboundFailed;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundUncertain;
import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.MessageQuarantined;
import uk.gov.redbridge.onepanel.referrals.AcknowledgementNotSent;
import uk.gov.redbridge.onepanel.referrals.ReferralNotCreated;
import uk.gov.redbridge.onepanel.referrals.ReferrerReplied;
import uk.gov.redbridge.onepanel.referrals.ReplyNotMatched;
import uk.gov.redbridge.onepanel.requests.AgencyReplyNeedsAttention;
import uk.gov.redbridge.onepanel.triage.DeliveryFailureReceived;
import uk.gov.redbridge.onepanel.triage.MessageNotUnderstood;

/**
 * Puts into the queue what the other modules could not settle. Each item has a source key, so an event delivered
 * twice (after a crash) makes one item.
 */
@Component
class ExceptionRecorder {

    private static final Logger log = LoggerFactory.getLogger(ExceptionRecorder.class);

    private final ExceptionRepository repository;
    private final Correspondence correspondence;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    ExceptionRecorder(ExceptionRepository repository, Correspondence correspondence, AgencyDirectory agencies,
            Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.repository = repository;
        this.correspondence = correspondence;
        this.agencies = agencies;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageQuarantined e) {
        record(ExceptionReason.fromCode(e.reason()), e.explanation(), e.messageId(), null, null, e.mailbox(),
                "message:" + e.messageId() + ":quarantined");
    }

    @ApplicationModuleListener
    void on(MessageNotUnderstood e) {
        record(ExceptionReason.fromCode(e.reason()), e.explanation(), e.messageId(), null, null, e.mailbox(),
                "message:" + e.messageId() + ":not-understood");
    }

    @ApplicationModuleListener
    void on(ReferralNotCreated e) {
        record(ExceptionReason.fromCode(e.reason()), e.explanation(), e.messageId(), null, null, e.mailbox(),
                "message:" + e.messageId() + ":intake");
    }

    @ApplicationModuleListener
    void on(ReplyNotMatched e) {
        record(ExceptionReason.fromCode(e.reason()), e.explanation(), e.messageId(), e.referralReference(), null,
                e.mailbox(), "message:" + e.messageId() + ":reply");
    }

    @ApplicationModuleListener
    void on(ReferrerReplied e) {
        if (e.stillMissing().isEmpty()) {
            return;
        }
        record(ExceptionReason.INFORMATION_REPLY, "The referrer replied, but the referral still lacks: "
                        + String.join("; ", e.stillMissing()), e.messageId(), e.reference().toString(), null, null,
                "message:" + e.messageId() + ":information-reply");
    }

    @ApplicationModuleListener
    void on(AgencyReplyNeedsAttention e) {
        record(ExceptionReason.fromCode(e.reason()), e.explanation(), e.messageId(), e.reference().toString(), null,
                e.mailbox(), "message:" + e.messageId() + ":request:" + e.reason());
    }

    /** A bounce: the mail it names is marked BOUNCED, and the item says which agency or domain failed. */
    @ApplicationModuleListener
    void on(DeliveryFailureReceived e) {
        String reference = null;
        UUID outboundId = null;
        for (String id : e.originalMessageIds()) {
            var bounced = correspondence.recordBounce(id, "delivery failure report"
                    + (e.status() == null ? "" : " (status " + e.status() + ")"));
            if (bounced.isPresent()) {
                reference = bounced.get().referralReference();
                outboundId = bounced.get().id().value();
                break;
            }
        }
        String who = e.failedRecipients().isEmpty() ? "an unknown recipient"
                : e.failedRecipients().stream().map(this::describeRecipient).distinct().collect(Collectors.joining(", "));
        String about = outboundId == null ? "a mail the service cannot identify"
                : "the " + correspondence.find(new uk.gov.redbridge.onepanel.correspondence.OutboundMailId(outboundId))
                        .map(OutboundMail::template).orElse("service's") + " email";
        record(ExceptionReason.DELIVERY_FAILURE, "Delivery to " + who + " failed"
                        + (e.status() == null ? "" : " (status " + e.status() + ")") + " for " + about,
                e.messageId(), reference, outboundId, e.mailbox(), "message:" + e.messageId() + ":bounce");
    }

    @ApplicationModuleListener
    void on(AcknowledgementNotSent e) {
        record(ExceptionReason.OUTBOUND_FAILED, "Referral logged, but " + e.reason(), null, e.reference().toString(),
                null, null, "referral:" + e.referralId() + ":acknowledgement");
    }

    @ApplicationModuleListener
    void on(OutboundBlocked e) {
        if (e.byLoopGuard()) {
            loopGuard(e);
            return;
        }
        record(ExceptionReason.OUTBOUND_BLOCKED, "Not sent: " + e.reason(), null, e.referralReference(),
                e.mailId().value(), null, "outbound:" + e.mailId() + ":blocked");
    }

    /**
     * A storm held back by the loop guard is one item per address and hour, with a count: the count is read from
     * the outbox each time (so an event delivered twice does not count twice), and the item names the domain only.
     */
    private void loopGuard(OutboundBlocked e) {
        java.time.Instant hour = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String address = e.heldBackFor();
        String key = "loop-guard:" + fingerprint(address) + ":" + hour;
        // the item's row lock (when it exists) lines up the listeners of one storm, so the last count wins
        boolean exists = repository.lockForSource(key);
        int held = Math.max(1, correspondence.heldBackByLoopGuard(address, hour, hour.plus(java.time.Duration
                .ofHours(1))));
        String explanation = "Not sent: " + e.reason() + ". " + held + " automatic email" + (held == 1 ? "" : "s")
                + " to one address at " + domain(address) + " held back in the hour from " + hour + " (UTC).";
        if (exists) {
            repository.updateExplanation(key, explanation);
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> record(ExceptionReason.LOOP_GUARD, explanation, null,
                    e.referralReference(), e.mailId().value(), null, key));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another listener of the same storm inserted it a moment ago
            repository.lockForSource(key);
            repository.updateExplanation(key, explanation);
        }
    }

    @ApplicationModuleListener
    void on(OutboundFailed e) {
        record(ExceptionReason.OUTBOUND_FAILED, "Could not be sent: " + e.reason(), null, e.referralReference(),
                e.mailId().value(), null, "outbound:" + e.mailId() + ":failed");
    }

    @ApplicationModuleListener
    void on(OutboundUncertain e) {
        record(ExceptionReason.OUTBOUND_UNCERTAIN, "Caught mid-send: " + e.reason(), null, e.referralReference(),
                e.mailId().value(), null, "outbound:" + e.mailId() + ":uncertain");
    }

    /** Names an address in a key without writing it down. */
    private static String fingerprint(String address) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(address.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The agency's name when the directory knows the domain, else the domain alone: never the whole address. */
    private String describeRecipient(String address) {
        return agencies.forSenderAddress(address).map(a -> a.name() + " (" + domain(address) + ")")
                .orElse(domain(address));
    }

    private static String domain(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "an unreadable address" : address.substring(at + 1);
    }

    void record(ExceptionReason reason, String explanation, InboundMessageId messageId, String referralReference,
            UUID outboundMailId, String mailbox, String sourceKey) {
        if (repository.existsForSource(sourceKey)) {
            return;
        }
        ExceptionItem item = new ExceptionItem(new ExceptionId(UUID.randomUUID()), reason,
                explanation == null || explanation.isBlank() ? reason.title() : explanation, messageId,
                referralReference, outboundMailId, mailbox, ExceptionStatus.OPEN, clock.instant(), null, null, null,
                null);
        repository.insert(item, sourceKey);
        log.info("Exception {} raised: {}", item.id(), reason.code());
    }

}
