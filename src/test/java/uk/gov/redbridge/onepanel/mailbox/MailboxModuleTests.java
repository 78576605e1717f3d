package uk.gov.redbridge.onepanel.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.mailbox.internal.ParsedMessageCache;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.storage.ContentId;
import uk.gov.redbridge.onepanel.storage.ContentStore;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The mailbox module on its own (with the content store it keeps raw messages in): a stored message is handed out
 * parsed, once. Every module above reads mail this way; none parses the bytes itself.
 */
// storage: the raw bytes live there; shared: the mailbox's threads are beans of shared's types
@ApplicationModuleTest(extraIncludes = {"storage", "shared"})
@ActiveProfiles("test")
class MailboxModuleTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final AtomicLong UIDS = new AtomicLong(1_000_000);

    /** The clock is the working-days module's; the system clock here. */
    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    InboundMessages messages;
    @Autowired
    ParsedMessageCache cache;
    @Autowired
    ContentStore contents;
    @Autowired
    JdbcClient jdbc;

    /** A message as the poller stores it: its row, and its bytes in the content store (or none: quarantined). */
    private InboundMessageId stored(byte[] raw) {
        InboundMessageId id = new InboundMessageId(UUID.randomUUID());
        ContentId content = raw == null ? null : contents.put(raw);
        jdbc.sql("INSERT INTO inbound_message (id, mailbox, mailbox_address, folder, uid_validity, uid, sender, "
                        + "subject, received_at, size, sha256, content_key, quarantine_reason, raw_content_id) "
                        + "VALUES (:id, 'onepanel', :address, 'INBOX', 1, :uid, 'agency@nhs.example', 'Return', :at, "
                        + ":size, :sha, :key, :quarantine, :raw)")
                .param("id", id.value()).param("address", ONEPANEL).param("uid", UIDS.incrementAndGet())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("size", raw == null ? 0 : raw.length)
                .param("sha", id.value().toString()).param("key", id.value().toString())
                .param("quarantine", raw == null ? "too large" : null)
                .param("raw", content == null ? null : content.value())
                .update();
        return id;
    }

    @Test
    void aStoredMessageIsHandedOutParsedAndParsedOnlyOnce() {
        byte[] chronology = "Chronology of contact".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        InboundMessageId id = stored(TestMail.create().from("agency@nhs.example").to(ONEPANEL)
                .subject("RE: [OP-2026-0042/NELFT] Information request").text("Our chronology is attached.")
                .attach("chronology.txt", "text/plain", chronology).bytes());
        long before = cache.parses();

        ParsedMail first = messages.parsed(id);
        ParsedMail again = messages.parsed(id);

        assertThat(first.header("Subject")).isEqualTo("RE: [OP-2026-0042/NELFT] Information request");
        assertThat(first.textBody()).contains("Our chronology is attached.");
        assertThat(first.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("chronology.txt");
            assertThat(a.content()).isEqualTo(chronology);
        });
        assertThat(again).isSameAs(first);
        assertThat(cache.parses() - before).isEqualTo(1);
    }

    @Test
    void aMessageWhoseBytesWereNotKeptCannotBeParsed() {
        InboundMessageId id = stored(null);

        assertThatThrownBy(() -> messages.parsed(id)).isInstanceOf(IllegalStateException.class);
    }
}
