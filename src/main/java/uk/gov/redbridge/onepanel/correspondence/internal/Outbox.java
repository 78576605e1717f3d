package uk.gov.redbridge.onepanel.correspondence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.OutboundBlocked;
import uk.gov.redbridge.onepanel.correspondence.OutboundBounced;
import uk.gov.redbridge.onepanel.correspondence.OutboundMail;
import uk.gov.redbridge.onepanel.correspondence.OutboundMailId;
import uk.gov.redbridge.onepanel.correspondence.OutboundState;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** Writes outbox rows: renders, checks recipients, builds the MIME bytes, stores them. */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final MailTemplates templates;
    private final MimeComposer composer;
    private final AllowedDomains allowedDomains;
    private final MailAccounts accounts;
    private final ContentStore contentStore;
    private final ApplicationEventPublisher events;
    private final CorrespondenceSettings settings;
    private final Clock clock;
    private final OutboxSender sender;

    Outbox(OutboxRepository repository, MailTemplates templates, MimeComposer composer, AllowedDomains allowedDomains,
            MailAccounts accounts, ContentStore contentStore, ApplicationEventPublisher events,
            CorrespondenceSettings settings, Clock clock, OutboxSender sender) {
        this.repository = repository;
        this.templates = templates;
        this.composer = composer;
        this.allowedDomains = allowedDomains;
        this.accounts = accounts;
        this.contentStore = contentStore;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.sender = sender;
    }

    /** The address of the panel mailbox with this configured name. */
    public String addressOf(String mailboxName) {
        return accounts.byName(mailboxName)
                .orElseThrow(() -> new IllegalArgumentException("no mailbox account named " + mailboxName))
                .address();
    }

    public QueuedMail write(OutgoingMail mail) {
        String fromAddress = addressOf(mail.fromMailbox());
        List<String> to = normalise(mail.to());
        List<String> cc = normalise(mail.cc());
        cc.removeAll(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        Instant now = clock.instant();
        MailTemplates.Rendered content = templates.render(mail.template(), mail.model());
        String messageId = composer.newMessageId();
        Block block = block(to, cc, mail.replyTo(), answersOutsideMail(mail), now);
        String blockReason = block == null ? null : block.reason();
        byte[] mime = composer.compose(messageId,
                new MimeComposer.Envelope(fromAddress, to, cc, mail.replyTo(), mail.inReplyTo(), mail.references()),
                content, mail.attachments());
        ContentId mimeId = contentStore.put(mime);
        OutboundMailId id = new OutboundMailId(UUID.randomUUID());
        OutboundState state = blockReason == null ? OutboundState.PENDING : OutboundState.BLOCKED;
        repository.insert(new OutboxRepository.NewRow(id, messageId, mail.template(), mail.fromMailbox(), fromAddress,
                to, cc, content.subject(), mimeId, state, blockReason, now, mail.referralReference(),
                mail.correlation()));
        if (blockReason != null) {
            events.publishEvent(new OutboundBlocked(id, mail.referralReference(), blockReason, block.heldBackFor()));
        }
        return new QueuedMail(id, messageId, state);
    }

    /**
     * Mail that answers a message from outside (an acknowledgement) is what an auto-responder can ping-pong with;
     * mail the service starts, or threads onto its own (requests, reminders), is not.
     */
    private boolean answersOutsideMail(OutgoingMail mail) {
        return mail.inReplyTo() != null && !isOwnMessageId(mail.inReplyTo());
    }

    /** Why a mail must not go: a reason naming domains, never whole addresses; the address the loop guard holds. */
    record Block(String reason, String heldBackFor) {
    }

    static final String LOOP_GUARD = "loop guard";

    /** Why this mail must not go, or null. */
    Block block(List<String> to, List<String> cc, String replyTo, boolean loopGuard, Instant now) {
        List<String> all = new ArrayList<>(to);
        all.addAll(cc);
        if (replyTo != null) {
            all.add(replyTo.trim().toLowerCase(Locale.ROOT));
        }
        List<String> refused = all.stream().filter(a -> !allowedDomains.allows(a))
                .map(a -> AllowedDomains.domainOf(a).orElse("(malformed address)")).distinct().toList();
        if (!refused.isEmpty()) {
            return new Block("recipient domain not allowed: " + String.join(", ", refused), null);
        }
        if (!loopGuard) {
            return null;
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        for (String address : all) {
            if (repository.countSentOrQueuedTo(address, hourAgo) >= settings.maxPerRecipientPerHour()) {
                return new Block(LOOP_GUARD + ": more than " + settings.maxPerRecipientPerHour()
                        + " automatic emails to one address within an hour", address);
            }
        }
        return null;
    }

    private static List<String> normalise(List<String> addresses) {
        List<String> out = new ArrayList<>();
        for (String a : addresses) {
            String n = a == null ? "" : a.trim().toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Mail to this address that the loop guard held back in [from, to). */
    public int heldBackByLoopGuard(String address, Instant from, Instant to) {
        return repository.countHeldBack(address, LOOP_GUARD + "%", from, to);
    }

    public boolean hasTemplate(String name) {
        return templates.exists(name);
    }

    public String messageIdDomain() {
        return settings.messageIdDomain();
    }

    public boolean isOwnMessageId(String messageId) {
        if (messageId == null) {
            return false;
        }
        String id = messageId.trim().toLowerCase(Locale.ROOT);
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        return id.endsWith("@" + settings.messageIdDomain().toLowerCase(Locale.ROOT));
    }

    public int settleAbandonedSends() {
        return sender.markAbandonedAsUncertain();
    }

    public uk.gov.redbridge.onepanel.correspondence.OutboxBacklog backlog() {
        return repository.backlog();
    }

    public void wakeSender() {
        sender.wake();
    }

    public Optional<OutboundMail> find(OutboundMailId id) {
        return repository.find(id);
    }

    public Optional<OutboundMail> findByMessageId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        String trimmed = messageId.trim();
        String bracketed = trimmed.startsWith("<") ? trimmed : "<" + trimmed + ">";
        return repository.findByMessageId(bracketed);
    }

    public List<OutboundMail> forReferral(String reference) {
        return repository.forReferral(reference);
    }

    public List<OutboundMail> inStates(List<OutboundState> states, int limit) {
        return repository.inStates(states, limit);
    }

    public boolean transition(OutboundMailId id, OutboundState from, OutboundState to, String note) {
        boolean changed = repository.transition(id, from, to, note);
        if (changed && to == OutboundState.PENDING) {
            sender.wake();
        }
        return changed;
    }

    public Optional<OutboundMail> recordBounce(String messageId, String reason) {
        Optional<OutboundMail> mail = findByMessageId(messageId);
        mail.ifPresent(m -> {
            if (repository.transition(m.id(), OutboundState.SENT, OutboundState.BOUNCED, reason)) {
                events.publishEvent(new OutboundBounced(m.id(), m.referralReference(), reason));
            }
        });
        return mail.flatMap(m -> repository.find(m.id()));
    }
}
