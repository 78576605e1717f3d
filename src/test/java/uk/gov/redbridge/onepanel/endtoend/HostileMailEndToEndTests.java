package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Issue 11, end to end through the embedded mail server: mail that is malformed, hostile or a storm is logged and
 * ends as a referral, a specific exception or a logged non-referral; the service never writes to itself, never
 * mixes two people's forms in one case, and holds back a storm of acknowledgements as one exception. Same Spring
 * configuration as {@link IntakeEndToEndTests}, so both share one running service; each test has its own sender.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileMailEndToEndTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    MailServerClient mail;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    static String uniqueSender() {
        return "referrer." + UUID.randomUUID().toString().substring(0, 8) + "@nhs-trust.example";
    }

    void deliverAndSettle(byte[] raw) {
        mail.deliver(raw, ONEPANEL);
        accounts.pollNow();
        Quiescence.await(jdbc);
    }

    @Test
    void formsAboutTwoPeopleInOneEmailAreAnExceptionAndNoCaseHoldsAnotherPersonsForm() {
        String sender = uniqueSender();
        SampleReferral first = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        SampleReferral second = SampleReferral.of(1, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        assertThat(first.value("subject.last_name")).isNotEqualTo(second.value("subject.last_name"));
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL).subject("Two referrals")
                .text("Please find two referrals attached.")
                .attach("referral-1.docx", DOCX, FormDocuments.officialTables(first))
                .attach("referral-2.docx", DOCX, FormDocuments.officialTables(second)).bytes();

        deliverAndSettle(raw);

        assertThat(referralsFrom(sender)).isZero();
        Map<String, Object> item = exceptionOf(sender);
        assertThat(item.get("reason")).isEqualTo("several_people");
        assertThat((String) item.get("explanation")).contains("2 referral forms about 2 different people")
                .doesNotContain(first.value("subject.last_name")).doesNotContain(second.value("subject.last_name"));
    }

    @Test
    void twoCopiesOfOnePersonsFormAreOneReferral() {
        String sender = uniqueSender();
        SampleReferral one = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL).subject("Referral, sent twice")
                .attach("referral.docx", DOCX, FormDocuments.officialTables(one))
                .attach("referral (copy).docx", DOCX, FormDocuments.contentControls(one)).bytes();

        deliverAndSettle(raw);

        assertThat(referralsFrom(sender)).isEqualTo(1);
    }

    @Test
    void aReferralSentFromTheServicesOwnAddressIsLoggedButNeverAcknowledged() {
        String subject = "Own " + UUID.randomUUID();
        byte[] raw = TestMail.create().from("One Panel <" + ONEPANEL + ">").to(ONEPANEL).subject(subject)
                .text(TestMail.bodyReferral("Robin", "Selfsent", "01/01/1950", "Self-neglect.", "020 7946 0002"))
                .bytes();

        deliverAndSettle(raw);

        String reference = jdbc.sql("SELECT r.reference FROM referral r JOIN referral_message l ON l.referral_id = r.id "
                        + "JOIN inbound_message m ON m.id = l.message_id WHERE m.subject = :s")
                .param("s", subject).query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE referral_reference = :r").param("r", reference)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT detail FROM referral_event WHERE referral_id = (SELECT id FROM referral WHERE "
                        + "reference = :r) AND kind = 'ACKNOWLEDGEMENT'").param("r", reference).query(String.class)
                .single()).contains("service's own mailboxes");
        assertThat(mail.inbox(ONEPANEL)).isEmpty();
    }

    @Test
    void aMalformedFromIsReadWithoutItsDisplayNameAndNoLineBreakIsStored() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String encodedCrLf = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Sam\r\nBcc: someone@nhs-trust.example".getBytes(StandardCharsets.UTF_8)) + "?=";
        String[] froms = {encodedCrLf + " <sam." + tag + "@nhs-trust.example>", "Sam <sam." + tag + "@@nhs-trust.example>",
                "sam." + tag + "@nhs-trust.example."};
        for (String from : froms) {
            String body = TestMail.bodyReferral("Casey", "Malformed" + tag, "01/01/1950", "Self-neglect.",
                    "020 7946 0003");
            byte[] raw = ("From: " + from + "\r\nTo: " + ONEPANEL + "\r\nSubject: Referral " + tag + "\r\nMessage-ID: <"
                    + UUID.randomUUID() + "@nhs-trust.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
                    + "charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
            deliverAndSettle(raw);
        }

        List<String> senders = jdbc.sql("SELECT COALESCE(sender, '') FROM inbound_message WHERE subject = :s")
                .param("s", "Referral " + tag).query(String.class).list();
        // an unreadable From is dropped; the envelope sender (Return-Path) is the address then
        assertThat(senders).containsExactlyInAnyOrder("sam." + tag + "@nhs-trust.example",
                "sender@nhs-trust.example", "sender@nhs-trust.example");
        List<String> stored = jdbc.sql("SELECT COALESCE(sender_address, '') FROM referral WHERE subject_last_name = :n")
                .param("n", "Malformed" + tag).query(String.class).list();
        assertThat(stored).allSatisfy(s -> assertThat(s).doesNotContain("\r").doesNotContain("\n"));
        // no acknowledgement failed on an address it could not write
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exception_item WHERE reason = 'outbound_failed' AND explanation "
                + "LIKE '%IllegalArgument%'").query(Integer.class).single()).isZero();
        assertThat(mail.inbox("sam." + tag + "@nhs-trust.example")).hasSize(1);
    }

    @Test
    void bulkMailWithADocumentIsLoggedAsNotAReferralWithoutAnException() {
        String sender = uniqueSender();
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL).subject("Safeguarding bulletin, March")
                .header("List-Id", "<bulletin.lists.nhs-trust.example>")
                .header("List-Unsubscribe", "<mailto:leave@lists.nhs-trust.example>")
                .text("This month's bulletin is attached.").attach("bulletin.pdf", "application/pdf",
                        "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII)).bytes();

        deliverAndSettle(raw);

        String verdict = jdbc.sql("SELECT t.verdict FROM triage_decision t JOIN inbound_message m ON m.id = t.message_id "
                + "WHERE m.sender = :s").param("s", sender).query(String.class).single();
        assertThat(verdict).isEqualTo("BULK");
        assertThat(exceptionsFrom(sender)).isZero();
        assertThat(referralsFrom(sender)).isZero();
        assertThat(mail.inbox(sender)).isEmpty();
    }

    @Test
    void aStormOfReferralsFromOneAddressIsHeldBackAsOneExceptionWithACount() {
        String sender = uniqueSender();
        int storm = 33; // 30 acknowledgements an hour go; the rest are held back
        List<byte[]> raws = new ArrayList<>();
        for (int i = 0; i < storm; i++) {
            raws.add(TestMail.create().from(sender).to(ONEPANEL).subject("Referral " + i)
                    .text(TestMail.bodyReferral("Storm" + i, "Testcase", "01/01/1950", "Self-neglect.", sender))
                    .bytes());
        }
        raws.forEach(raw -> mail.deliver(raw, ONEPANEL));
        accounts.pollNow();
        Quiescence.await(jdbc, java.time.Duration.ofMinutes(3));

        assertThat(referralsFrom(sender)).isEqualTo(storm);
        List<Map<String, Object>> items = jdbc.sql("SELECT reason, explanation FROM exception_item WHERE reason = "
                + "'loop_guard' AND referral_reference IN (SELECT reference FROM referral WHERE sender_address = :s)")
                .param("s", sender).query().listOfRows();
        assertThat(items).singleElement().satisfies(item -> assertThat((String) item.get("explanation"))
                .contains("3 automatic emails to one address at nhs-trust.example held back").doesNotContain(sender));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exception_item WHERE reason = 'outbound_blocked' AND "
                        + "referral_reference IN (SELECT reference FROM referral WHERE sender_address = :s)")
                .param("s", sender).query(Integer.class).single()).isZero();
        assertThat(mail.inbox(sender)).hasSize(30);
    }

    private int referralsFrom(String sender) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE sender_address = :s").param("s", sender)
                .query(Integer.class).single();
    }

    private int exceptionsFrom(String sender) {
        return jdbc.sql("SELECT COUNT(*) FROM exception_item e JOIN inbound_message m ON m.id = e.message_id "
                + "WHERE m.sender = :s").param("s", sender).query(Integer.class).single();
    }

    private Map<String, Object> exceptionOf(String sender) {
        return jdbc.sql("SELECT e.reason, e.explanation FROM exception_item e JOIN inbound_message m "
                + "ON m.id = e.message_id WHERE m.sender = :s").param("s", sender).query().singleRow();
    }
}
