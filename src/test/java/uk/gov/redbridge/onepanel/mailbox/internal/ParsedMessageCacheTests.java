package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.testing.TestMail;

class ParsedMessageCacheTests {

    private static final byte[] SMALL = TestMail.create().from("referrer@nhs.example").to("a@redbridge.gov.uk")
            .subject("Referral").text("A few words.").bytes();

    private static InboundMessageId id() {
        return new InboundMessageId(UUID.randomUUID());
    }

    @Test
    void aMessageIsParsedOnceAndHandedOutAgain() {
        ParsedMessageCache cache = new ParsedMessageCache();
        AtomicInteger parses = new AtomicInteger();
        InboundMessageId id = id();

        ParsedMail first = cache.get(id, () -> {
            parses.incrementAndGet();
            return MailParser.parse(SMALL);
        });
        ParsedMail second = cache.get(id, () -> {
            parses.incrementAndGet();
            return MailParser.parse(SMALL);
        });

        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(1);
        assertThat(cache.parses()).isEqualTo(1);
    }

    @Test
    void aForgottenMessageIsParsedAgainFromItsBytes() {
        ParsedMessageCache cache = new ParsedMessageCache();
        InboundMessageId id = id();
        cache.get(id, () -> MailParser.parse(SMALL));

        cache.forget(id);
        cache.forget(id); // twice: nothing left to drop

        assertThat(cache.size()).isZero();
        long before = cache.parses();
        cache.get(id, () -> MailParser.parse(SMALL));
        assertThat(cache.parses()).isEqualTo(before + 1);
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenTheCountIsReached() {
        ParsedMessageCache cache = new ParsedMessageCache(2, Long.MAX_VALUE);
        InboundMessageId a = id();
        InboundMessageId b = id();
        InboundMessageId c = id();
        cache.get(a, () -> MailParser.parse(SMALL));
        cache.get(b, () -> MailParser.parse(SMALL));
        cache.get(a, () -> MailParser.parse(SMALL)); // a used again: b is now the oldest
        cache.get(c, () -> MailParser.parse(SMALL));

        assertThat(cache.size()).isEqualTo(2);
        long before = cache.parses();
        cache.get(a, () -> MailParser.parse(SMALL));
        assertThat(cache.parses()).as("a was kept").isEqualTo(before);
        cache.get(b, () -> MailParser.parse(SMALL));
        assertThat(cache.parses()).as("b was dropped").isEqualTo(before + 1);
    }

    @Test
    void theBytesHeldAreBoundedAndAMessageLargerThanTheBudgetIsNotKept() {
        byte[] attachment = new byte[200_000];
        byte[] large = TestMail.create().from("agency@nhs.example").to("a@redbridge.gov.uk").subject("Return")
                .text("Attached.").attach("chronology.pdf", "application/pdf", attachment).bytes();
        ParsedMessageCache cache = new ParsedMessageCache(100, 300_000);

        InboundMessageId first = id();
        InboundMessageId second = id();
        cache.get(first, () -> MailParser.parse(large));
        cache.get(second, () -> MailParser.parse(large));
        assertThat(cache.size()).as("two of 200 kB do not fit in 300 kB").isEqualTo(1);

        ParsedMessageCache tiny = new ParsedMessageCache(100, 100_000);
        ParsedMail handedOut = tiny.get(id(), () -> MailParser.parse(large));
        assertThat(handedOut.attachments()).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(200_000));
        assertThat(tiny.size()).isZero();
    }
}
