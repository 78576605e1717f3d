package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.ONEPANEL;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.PROCESSED;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.RSAB;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Flags;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;

import org.eclipse.angus.mail.imap.IMAPFolder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/**
 * Store before touch, end to end on the embedded mail server with the default accounts (RELIABILITY I1, I3, I4,
 * I7; LESSONS 1-6, 8, 9). Mailboxes are checked by calling the poller, never by waiting for the schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"onepanel.mailbox.batch-size=5", "onepanel.mailbox.max-message-size=1MB"})
@ActiveProfiles("test")
@Import(MailboxTestSupport.class)
class MailboxIntakeTests {

    @Autowired
    GreenMailServer server;
    @Autowired
    PollCoordinator polls;
    @Autowired
    MailAccounts accounts;
    @Autowired
    InboundMessages messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboundMessageRepository repository;
    @Autowired
    MailboxTestSupport.CrashingFaultHook hook;
    @Autowired
    MailboxTestSupport.RecordedEvents events;
    @Autowired
    UnrecordedMoves unrecordedMoves;

    @BeforeEach
    void reset() throws Exception {
        MailboxTestSupport.reset(server, jdbc);
        hook.reset();
        events.clear();
    }

    @Test
    void storesTheRawMessageAndItsRowBeforeMovingIt() throws Exception {
        byte[] raw = TestMail.simple("store-first@nhs-trust.example", ONEPANEL, "Please find the referral attached.");
        AtomicBoolean storedWhileStillInInbox = new AtomicBoolean();
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", raw);
            hook.observer = (mailbox, uid) -> storedWhileStillInInbox.set(rows() == 1 && countQuietly(person) == 1);

            assertThat(accounts.pollNow()).isEqualTo(1);

            assertThat(storedWhileStillInInbox).isTrue();
            assertThat(person.count("INBOX")).isZero();
            byte[] onServer = person.raw(PROCESSED).get(0);
            InboundMessage stored = only();
            assertThat(messages.rawBytes(stored.id())).isEqualTo(onServer);
            assertThat(stored.mailbox()).isEqualTo("onepanel");
            assertThat(stored.mailboxAddress()).isEqualTo(ONEPANEL);
            assertThat(stored.folder()).isEqualTo("INBOX");
            assertThat(stored.uid()).isPositive();
            assertThat(stored.messageIdHeader()).isEqualTo("<store-first@nhs-trust.example>");
            assertThat(stored.sender()).isEqualTo("ann.example@nhs-trust.example");
            assertThat(stored.recipients()).containsExactly(ONEPANEL.toLowerCase());
            assertThat(stored.subject()).isEqualTo("Appendix E referral form");
            assertThat(stored.sentAt()).isNotNull();
            assertThat(stored.size()).isEqualTo(onServer.length);
            assertThat(stored.sha256()).isEqualTo(ContentStore.sha256Hex(onServer));
            assertThat(stored.quarantined()).isFalse();
            assertThat(events.received).extracting(e -> e.messageId()).containsExactly(stored.id());
            assertThat(movedAt(stored)).isTrue();
        }
    }

    @Test
    void aCrashAfterCommitBeforeMoveGivesOneRowAndTheNextPollOnlyMoves() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("crash@nhs-trust.example", ONEPANEL, "referral"));
            hook.crash = true;

            assertThatThrownBy(() -> polls.check("onepanel")).isInstanceOf(MailboxTestSupport.SimulatedCrash.class);
            assertThat(rows()).isEqualTo(1);
            assertThat(person.count("INBOX")).isEqualTo(1);
            InboundMessage before = only();
            assertThat(movedAt(before)).isFalse();

            hook.crash = false;
            assertThat(accounts.pollNow()).isZero();

            assertThat(rows()).isEqualTo(1);
            assertThat(only().id()).isEqualTo(before.id());
            assertThat(movedAt(before)).isTrue();
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(1);
            assertThat(events.received).hasSize(1);
        }
    }

    @Test
    void aMoveMadeButNotRecordedBeforeAStopIsRecordedByTheFirstPollAfterTheStart() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("moved-then-killed@nhs-trust.example", ONEPANEL, "referral"));
            accounts.pollNow();
            InboundMessage stored = only();
            forgetTheMove(stored); // what a kill -9 between the MOVE and its record leaves
            unrecordedMoves.startAfresh();

            assertThat(accounts.pollNow()).isZero();

            assertThat(movedAt(stored)).isTrue();
            assertThat(rows()).isEqualTo(1);
            assertThat(person.count(PROCESSED)).isEqualTo(1);
            assertThat(events.received).hasSize(1);
        }
    }

    @Test
    void aMessageThatLeftTheInboxSomeOtherWayIsNotRecordedAsMoved() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("filed-by-hand@nhs-trust.example", ONEPANEL, "referral"),
                    TestMail.simple("same-id@nhs-trust.example", ONEPANEL, "the first body"));
            accounts.pollNow();
            List<InboundMessage> stored = messages.latest(10);
            assertThat(stored).hasSize(2);
            stored.forEach(this::forgetTheMove);
            // a person files both elsewhere, and puts a message with one of their Message-IDs but another body in
            // the processed folder: neither was moved by the service as far as the server can show
            person.folder("Filed by hand").create(jakarta.mail.Folder.HOLDS_MESSAGES);
            person.moveAll(PROCESSED, "Filed by hand");
            person.append(PROCESSED, TestMail.simple("same-id@nhs-trust.example", ONEPANEL, "another body"));
            unrecordedMoves.startAfresh();

            accounts.pollNow();

            assertThat(stored).allSatisfy(m -> assertThat(movedAt(m)).isFalse());
        }
    }

    private void forgetTheMove(InboundMessage m) {
        jdbc.sql("UPDATE inbound_message SET moved_at = NULL WHERE id = :id").param("id", m.id().value()).update();
    }

    @Test
    void messagesOpenedFlaggedOrMarkedDeletedByHandAreTakenOnceAndReadingSetsNoFlag() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("seen@x", ONEPANEL, "seen"),
                    TestMail.simple("flagged@x", ONEPANEL, "flagged"), TestMail.simple("deleted@x", ONEPANEL, "del"),
                    TestMail.simple("untouched@x", ONEPANEL, "untouched"));
            person.setFlag("INBOX", 0, new Flags(Flags.Flag.SEEN));
            person.setFlag("INBOX", 1, new Flags(Flags.Flag.FLAGGED));
            person.setFlag("INBOX", 2, new Flags(Flags.Flag.DELETED));

            assertThat(accounts.pollNow()).isEqualTo(4);
            assertThat(accounts.pollNow()).isZero();

            assertThat(rows()).isEqualTo(4);
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(4);
            int untouched = indexOf(person.raw(PROCESSED), "untouched@x");
            assertThat(person.flags(PROCESSED, untouched).contains(Flags.Flag.SEEN)).isFalse();
        }
    }

    @Test
    void aMessageMovedBackToTheInboxByHandIsNotTakenTwice() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("moved-back@x", ONEPANEL, "referral"));
            accounts.pollNow();
            InboundMessage first = only();

            person.moveAll(PROCESSED, "INBOX");
            assertThat(accounts.pollNow()).isZero();

            assertThat(rows()).isEqualTo(1);
            assertThat(only().id()).isEqualTo(first.id());
            assertThat(only().uid()).isNotEqualTo(first.uid());
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(1);
            assertThat(events.received).hasSize(1);
        }
    }

    @Test
    void aUidValidityChangeMakesNoDuplicates() throws Exception {
        byte[] first = TestMail.simple("renumbered-1@x", ONEPANEL, "one");
        byte[] second = TestMail.simple("renumbered-2@x", ONEPANEL, "two");
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", first, second);
            // the first is stored and the process dies before moving it: both are still in the inbox
            hook.crash = true;
            assertThatThrownBy(() -> polls.check("onepanel")).isInstanceOf(MailboxTestSupport.SimulatedCrash.class);
            hook.crash = false;
            long oldValidity = only().uidValidity();
            List<byte[]> inInbox = person.raw("INBOX");

            recreateInbox(ONEPANEL);
            person.append("INBOX", inInbox.toArray(byte[][]::new));

            assertThat(accounts.pollNow()).isEqualTo(1);
            assertThat(rows()).isEqualTo(2);
            assertThat(messages.latest(10)).allSatisfy(m -> assertThat(m.uidValidity()).isNotEqualTo(oldValidity));
            assertThat(person.count("INBOX")).isZero();
            assertThat(events.received).hasSize(2);
        }
    }

    @Test
    void aUidTheServerGaveToAnotherMessageDoesNotHideThatMessage() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("newcomer@x", ONEPANEL, "a different message"));
            IMAPFolder inbox = (IMAPFolder) person.folder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            long validity = inbox.getUIDValidity();
            long uid = inbox.getUID(inbox.getMessage(1));
            inbox.close(false);
            // an earlier message was stored from this very place (a broken server reuses UIDs; RFC 3501 forbids it)
            InboundMessage earlier = new InboundMessage(InboundMessageId.random(), "onepanel", ONEPANEL, "INBOX",
                    validity, uid, "<earlier@x>", null, List.of(), null, null, java.time.Instant.now(), 10,
                    "0".repeat(64), "1".repeat(64), null);
            repository.insert(earlier, null);

            assertThat(accounts.pollNow()).isEqualTo(1);

            assertThat(rows()).isEqualTo(2);
            assertThat(messages.find(earlier.id())).hasValueSatisfying(m -> assertThat(m.uid()).isZero());
            assertThat(messages.latest(10)).extracting(InboundMessage::messageIdHeader).contains("<newcomer@x>");
            assertThat(person.count("INBOX")).isZero();
        }
    }

    @Test
    void theSameEmailInTwoPanelMailboxesGivesTwoRowsWithTheSameContentKey() throws Exception {
        SmtpDelivery.deliver(server.info().smtpPort(),
                TestMail.simple("both@nhs-trust.example", ONEPANEL + ", " + RSAB, "referral for both"), ONEPANEL, RSAB);

        assertThat(accounts.pollNow()).isEqualTo(2);

        List<InboundMessage> stored = messages.latest(10);
        assertThat(stored).extracting(InboundMessage::mailbox).containsExactlyInAnyOrder("onepanel", "rsab");
        assertThat(stored.get(0).contentKey()).isEqualTo(stored.get(1).contentKey());
        assertThat(messages.otherCopiesOf(stored.get(0).id())).extracting(InboundMessage::id)
                .containsExactly(stored.get(1).id());
    }

    @Test
    void plusAddressedMailIsTakenFromTheBaseMailbox() throws Exception {
        String tagged = "RSAB+op-2026-0001-nelft@redbridge.gov.uk";
        SmtpDelivery.deliver(server.info().smtpPort(), TestMail.simple("reply@nelft.example", tagged, "return"),
                tagged);

        assertThat(accounts.pollNow()).isEqualTo(1);

        InboundMessage stored = only();
        assertThat(stored.mailbox()).isEqualTo("rsab");
        assertThat(stored.recipients()).contains(tagged.toLowerCase());
        assertThat(accounts.owningAddress(tagged)).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("rsab"));
    }

    @Test
    void aMessageOverTheSizeLimitIsLoggedWithItsHeadersQuarantinedAndMoved() throws Exception {
        byte[] big = largeMessage("big@nhs-trust.example", 1_500_000);
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", big, TestMail.simple("small@x", ONEPANEL, "small"));

            assertThat(accounts.pollNow()).isEqualTo(2);

            InboundMessage quarantined = messages.latest(10).stream().filter(InboundMessage::quarantined).findFirst()
                    .orElseThrow();
            byte[] onServer = person.raw(PROCESSED).stream().filter(b -> b.length > 1_000_000).findFirst()
                    .orElseThrow();
            assertThat(quarantined.quarantineReason()).isEqualTo("too_large");
            assertThat(quarantined.messageIdHeader()).isEqualTo("<big@nhs-trust.example>");
            assertThat(quarantined.subject()).isEqualTo("Chronology");
            assertThat(quarantined.sha256()).isEqualTo(ContentStore.sha256Hex(onServer));
            assertThat(quarantined.size()).isEqualTo(onServer.length);
            assertThatThrownBy(() -> messages.rawBytes(quarantined.id())).isInstanceOf(IllegalStateException.class);
            assertThat(events.quarantined).singleElement().satisfies(e -> {
                assertThat(e.messageId()).isEqualTo(quarantined.id());
                assertThat(e.reason()).isEqualTo("too_large");
                assertThat(e.explanation()).doesNotContain("Chronology", "ann.example");
            });
            assertThat(events.received).hasSize(1);
            assertThat(person.count("INBOX")).isZero();
            assertThat(accounts.pollNow()).isZero();
        }
    }

    @Test
    void malformedMimeIsStoredRaw() throws Exception {
        byte[] brokenBoundary = ("From: a@x.example\r\nSubject: broken\r\nMessage-ID: <broken@x>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"declared\"\r\n\r\n--other\r\nContent-Type: text/plain\r\n"
                + "\r\nno closing boundary, wrong boundary\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] utf8 = "From: J\u00f6rg <j@x.example>\r\nSubject: r\u00e9f\u00e9rence \u2013 "
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "caf\u00e9 latin-1\r\nMessage-ID: <8bit@x>\r\n\r\nbody\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] eightBitHeaders = concat(utf8, latin1);
        byte[] deep = deeplyNested(1000);
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", brokenBoundary, eightBitHeaders, deep);

            assertThat(accounts.pollNow()).isEqualTo(3);

            List<byte[]> onServer = person.raw(PROCESSED);
            assertThat(onServer).hasSize(3);
            for (InboundMessage m : messages.latest(10)) {
                assertThat(m.quarantined()).isFalse();
                assertThat(onServer).anySatisfy(b -> assertThat(messages.rawBytes(m.id())).isEqualTo(b));
            }
            assertThat(messages.latest(10)).extracting(InboundMessage::subject).contains("broken");
        }
    }

    @Test
    void moreMessagesThanOneBatchAreAllTakenOnce() throws Exception {
        try (ImapClient person = person(RSAB)) {
            List<byte[]> many = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                many.add(TestMail.simple("batch-" + i + "@x", RSAB, "message " + i));
            }
            person.append("INBOX", many.toArray(byte[][]::new));

            assertThat(accounts.pollNow()).isEqualTo(12);

            assertThat(rows()).isEqualTo(12);
            assertThat(messages.latest(20)).extracting(InboundMessage::uid).doesNotHaveDuplicates();
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(12);
        }
    }

    @Test
    void identicalCopiesAreOneRowWhileOneMessageIdWithTwoBodiesIsTwo() throws Exception {
        byte[] copy = TestMail.simple("same@x", ONEPANEL, "same body");
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", copy, copy, TestMail.simple("reused@x", ONEPANEL, "first body"),
                    TestMail.simple("reused@x", ONEPANEL, "second body"));

            assertThat(accounts.pollNow()).isEqualTo(3);

            assertThat(rows()).isEqualTo(3);
            List<InboundMessage> reused = messages.latest(10).stream()
                    .filter(m -> "<reused@x>".equals(m.messageIdHeader())).toList();
            assertThat(reused).hasSize(2);
            assertThat(reused.get(0).contentKey()).isNotEqualTo(reused.get(1).contentKey());
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(4);
        }
    }

    private ImapClient person(String address) throws Exception {
        return new ImapClient("127.0.0.1", server.info().imapPort(), address);
    }

    private long rows() {
        return messages.count();
    }

    private InboundMessage only() {
        List<InboundMessage> all = messages.latest(10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private boolean movedAt(InboundMessage m) {
        return jdbc.sql("SELECT moved_at IS NOT NULL FROM inbound_message WHERE id = :id").param("id", m.id().value())
                .query(Boolean.class).single();
    }

    private static int countQuietly(ImapClient person) {
        try {
            return person.count("INBOX");
        } catch (Exception e) {
            return -1;
        }
    }

    private static int indexOf(List<byte[]> raws, String marker) {
        for (int i = 0; i < raws.size(); i++) {
            if (new String(raws.get(i), StandardCharsets.ISO_8859_1).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError(marker + " not found");
    }

    /** Deletes the mailbox's inbox on the server and creates it again: a new UIDVALIDITY, UIDs from 1. */
    private void recreateInbox(String address) throws Exception {
        GreenMailUser user = server.greenMail().getUserManager().getUserByEmail(address);
        ImapHostManager hosts = server.greenMail().getManagers().getImapHostManager();
        MailFolder inbox = hosts.getInbox(user);
        long validity = inbox.getUidValidity();
        // GreenMail counts UIDVALIDITY in seconds: a folder made in the same second would get the same value
        while (System.currentTimeMillis() / 1000 <= validity) {
            Thread.sleep(50);
        }
        inbox.deleteAllMessages();
        hosts.getStore().deleteMailbox(inbox);
        MailFolder recreated = hosts.createMailbox(user, "INBOX");
        assertThat(recreated.getUidValidity()).isNotEqualTo(validity);
    }

    private static byte[] largeMessage(String messageId, int approximateSize) {
        byte[] noise = new byte[approximateSize * 3 / 4];
        new Random(42).nextBytes(noise);
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(noise);
        return ("From: Ann Example <ann.example@nhs-trust.example>\r\nTo: " + ONEPANEL + "\r\nSubject: Chronology\r\n"
                + "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] deeplyNested(int depth) {
        StringBuilder s = new StringBuilder("From: a@x.example\r\nSubject: deep\r\nMessage-ID: <deep@x>\r\n"
                + "MIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            s.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        s.append("Content-Type: text/plain\r\n\r\nthe innermost part\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            s.append("--b").append(i).append("--\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
