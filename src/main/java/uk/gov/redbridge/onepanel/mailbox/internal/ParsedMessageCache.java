package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.MailAttachment;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;

/**
 * The last parsed messages, least recently used dropped first, bounded by count and by the bytes their attachments
 * and bodies hold. One email is read by triage, then by intake or the reply handlers, then by the pages: a few
 * seconds apart, so a small cache spares every reading after the first. A message larger than the whole budget is
 * parsed and handed out but not kept. Parsing happens outside the lock: two threads asking for the same message at
 * the same moment may both parse it (the same result); one slow message never holds the others up.
 */
@Component
public class ParsedMessageCache {

    static final int MAX_MESSAGES = 64;
    static final long MAX_BYTES = 48L * 1024 * 1024;

    private final int maxMessages;
    private final long maxBytes;
    private final LinkedHashMap<InboundMessageId, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long parses;

    private record Entry(ParsedMail mail, long weight) {
    }

    ParsedMessageCache() {
        this(MAX_MESSAGES, MAX_BYTES);
    }

    ParsedMessageCache(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    public ParsedMail get(InboundMessageId id, Supplier<ParsedMail> parse) {
        synchronized (this) {
            Entry e = entries.get(id);
            if (e != null) {
                return e.mail();
            }
        }
        ParsedMail mail = parse.get();
        long weight = weight(mail);
        synchronized (this) {
            parses++;
            if (weight > maxBytes || entries.containsKey(id)) {
                return mail;
            }
            entries.put(id, new Entry(mail, weight));
            bytes += weight;
            Iterator<Map.Entry<InboundMessageId, Entry>> oldest = entries.entrySet().iterator();
            while ((entries.size() > maxMessages || bytes > maxBytes) && oldest.hasNext()) {
                bytes -= oldest.next().getValue().weight();
                oldest.remove();
            }
        }
        return mail;
    }

    /**
     * Drops a message's parse, so that the next reader parses its stored bytes again: for whoever removes or repairs
     * stored bytes (nothing in the service does today; the tests of stuck work do), a parse must not outlive them.
     */
    public synchronized void forget(InboundMessageId id) {
        Entry e = entries.remove(id);
        if (e != null) {
            bytes -= e.weight();
        }
    }

    /** How many times a message was parsed since start (for tests and measurements). */
    public synchronized long parses() {
        return parses;
    }

    synchronized int size() {
        return entries.size();
    }

    private static long weight(ParsedMail mail) {
        long w = 1024;
        for (MailAttachment a : mail.attachments()) {
            w += a.size();
        }
        w += 2L * (length(mail.textBody()) + length(mail.htmlBody()));
        for (String forwarded : mail.forwardedBodies()) {
            w += 2L * forwarded.length();
        }
        return w;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
