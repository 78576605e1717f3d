package uk.gov.redbridge.onepanel.correspondence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.gov.redbridge.onepanel.correspondence.internal.Outbox;

/**
 * The one way the service sends email. {@link #queue} writes an outbox row in the caller's transaction; the mail is
 * sent after commit by the sender job, so a rolled-back change sends nothing.
 */
@Service
public class Correspondence {

    private final Outbox outbox;

    Correspondence(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Renders and records an email to send. Must run inside the transaction of the change that causes it. A
     * recipient outside the allowed domains, or one that has had too many automatic mails in the last hour, makes
     * the row BLOCKED (and an {@link OutboundBlocked} event): nothing is sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public QueuedMail queue(OutgoingMail mail) {
        QueuedMail queued = outbox.write(mail);
        if (queued.state() == OutboundState.PENDING && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.wakeSender();
                }
            });
        }
        return queued;
    }

    /** Whether {@code mail-templates/} has this template (for start-up checks of configured template names). */
    /**
     * The address of the panel mailbox with this configured name ({@code onepanel}, {@code rsab}, {@code rscp}): the
     * From of mail sent from it, and the base of its plus reply addresses.
     *
     * @throws IllegalArgumentException if no mailbox has this name
     */
    public String mailboxAddress(String mailboxName) {
        return outbox.addressOf(mailboxName);
    }

    public boolean hasTemplate(String name) {
        return outbox.hasTemplate(name);
    }

    /** The header every mail of the service carries; mail that comes back with it is a loop. */
    public static final String LOOP_HEADER = "X-OnePanel-Loop";

    /** Whether a Message-ID (with or without angle brackets) is one the service made. */
    public boolean isOwnMessageId(String messageId) {
        return outbox.isOwnMessageId(messageId);
    }

    /** The right-hand side of the service's Message-IDs, e.g. {@code onepanel.redbridge.gov.uk}. */
    public String messageIdDomain() {
        return outbox.messageIdDomain();
    }

    public Optional<OutboundMail> find(OutboundMailId id) {
        return outbox.find(id);
    }

    /** The outbox row that carried this Message-ID (with or without angle brackets), if the service sent it. */
    public Optional<OutboundMail> findByMessageId(String messageId) {
        return outbox.findByMessageId(messageId);
    }

    /** Every email about a referral, oldest first. */
    public List<OutboundMail> forReferral(String referralReference) {
        return outbox.forReferral(referralReference);
    }

    /**
     * For the sweep of truth: rows caught mid-send (SENDING by an instance that restarted, or for too long) become
     * UNCERTAIN, shown to the secretariat and never resent by themselves; due rows are handed to the sender.
     * Returns how many were caught mid-send.
     */
    public int settleAbandonedSends() {
        int n = outbox.settleAbandonedSends();
        outbox.wakeSender();
        return n;
    }

    /** Mail waiting to go (PENDING or RETRY) and being sent, with the oldest waiting row's creation. */
    public OutboxBacklog backlog() {
        return outbox.backlog();
    }

    /** Rows a person must look at: uncertain, failed and blocked. */
    public List<OutboundMail> needingAttention(int limit) {
        return outbox.inStates(List.of(OutboundState.UNCERTAIN, OutboundState.FAILED, OutboundState.BLOCKED), limit);
    }

    /** The secretariat checked (e.g. with the recipient) that an uncertain mail did arrive. */
    @Transactional
    public boolean confirmDelivered(OutboundMailId id) {
        return outbox.transition(id, OutboundState.UNCERTAIN, OutboundState.SENT, "confirmed delivered by the secretariat");
    }

    /** The secretariat decided to send an uncertain or failed mail again (same Message-ID). */
    @Transactional
    public boolean resend(OutboundMailId id) {
        return outbox.transition(id, OutboundState.UNCERTAIN, OutboundState.PENDING, "resent by the secretariat")
                || outbox.transition(id, OutboundState.FAILED, OutboundState.PENDING, "resent by the secretariat");
    }

    /** A delivery failure report named this Message-ID: the mail is marked BOUNCED. */
    @Transactional
    public Optional<OutboundMail> recordBounce(String messageId, String reason) {
        return outbox.recordBounce(messageId, reason);
    }

    /** How many mails to this address the loop guard held back in [from, to): one storm, counted. */
    public int heldBackByLoopGuard(String address, java.time.Instant from, java.time.Instant to) {
        return outbox.heldBackByLoopGuard(address, from, to);
    }

    /** The message ids this referral's thread knows, newest last: for References headers of follow-ups. */
    public List<String> threadOf(String referralReference, String correlation) {
        List<String> out = new ArrayList<>();
        for (OutboundMail m : outbox.forReferral(referralReference)) {
            if (correlation == null || correlation.equals(m.correlation())) {
                out.add(m.messageId());
            }
        }
        return out;
    }

}
