package uk.gov.redbridge.onepanel.mailbox;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailbox.internal.InboundMessageRepository;
import uk.gov.redbridge.onepanel.mailbox.internal.ParsedMessageCache;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** Read access to the inbound message log and the raw messages, for the modules above. */
@Service
public class InboundMessages {

    private final InboundMessageRepository repository;
    private final ContentStore contentStore;
    private final ParsedMessageCache parsed;

    InboundMessages(InboundMessageRepository repository, ContentStore contentStore, ParsedMessageCache parsed) {
        this.repository = repository;
        this.contentStore = contentStore;
        this.parsed = parsed;
    }

    public Optional<InboundMessage> find(InboundMessageId id) {
        return repository.findById(id);
    }

    /**
     * The original RFC 822 bytes as fetched from the mailbox.
     *
     * @throws IllegalStateException if the message was quarantined before its bytes were kept
     */
    public byte[] rawBytes(InboundMessageId id) {
        return repository.rawContentId(id)
                .map(contentStore::get)
                .orElseThrow(() -> new IllegalStateException("raw bytes were not kept for message " + id));
    }

    /**
     * The message read into its parts (headers, bodies, attachments, forwarded messages), the one way the modules
     * above read a stored email. A stored message never changes, so it is parsed once and the result is kept in a
     * bounded cache: triage, intake, reply handling and the pages all take the same parsed message. Parsing is
     * lenient and bounded ({@link MailAnatomy}); what could not be read is in {@link ParsedMail#problems()}.
     *
     * @throws IllegalStateException if the message was quarantined before its bytes were kept
     */
    public ParsedMail parsed(InboundMessageId id) {
        return parsed.get(id, () -> MailParser.parse(rawBytes(id)));
    }

    /** Other stored copies of the same email (same content key), oldest first, excluding this one. */
    public List<InboundMessage> otherCopiesOf(InboundMessageId id) {
        return find(id).map(m -> repository.findByContentKey(m.contentKey()).stream()
                .filter(other -> !other.id().equals(id)).toList()).orElse(List.of());
    }

    /** Newest first. */
    public List<InboundMessage> latest(int limit) {
        return repository.latest(limit);
    }

    public long count() {
        return repository.count();
    }
}
