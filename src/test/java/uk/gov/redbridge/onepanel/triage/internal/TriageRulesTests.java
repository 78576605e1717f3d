package uk.gov.redbridge.onepanel.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.triage.Verdict;

class TriageRulesTests {

    private final AutoReplyRule autoReply = new AutoReplyRule();
    private final DeliveryFailureRule deliveryFailure = new DeliveryFailureRule();
    private final ReferralRule referral = new ReferralRule();

    static MessageFacts facts(byte[] raw) {
        InboundMessage m = new InboundMessage(InboundMessageId.random(), "onepanel",
                "RedbridgeOnePanel@redbridge.gov.uk", "INBOX", 1, 1, null, null, List.of(), null, null,
                Instant.parse("2026-03-02T10:00:00Z"), raw.length, "x", "y", null);
        return new MessageFacts(m, MailParser.parse(raw));
    }

    static MessageFacts facts(TestMail mail) {
        return facts(mail.bytes());
    }

    @Test
    void outOfOfficeByAutoSubmittedIsAnAutoReply() {
        var f = facts(TestMail.create().subject("Automatic reply: Referral").header("Auto-Submitted", "auto-replied"));
        assertThat(autoReply.apply(f)).get().extracting(TriageRule.Outcome::verdict).isEqualTo(Verdict.AUTO_REPLY);
    }

    @Test
    void autoSubmittedNoIsAPerson() {
        var f = facts(TestMail.create().header("Auto-Submitted", "no"));
        assertThat(autoReply.apply(f)).isEmpty();
        assertThat(AutomaticMailSignals.find(f)).isEmpty();
    }

    @Test
    void everyHeaderOfTheUnionIsRecognised() {
        String[][] signals = {
                {"X-Autoreply", "yes"}, {"X-Autorespond", "Vacation"}, {"Precedence", "bulk"},
                {"X-Precedence", "auto_reply"}, {"Precedence", "junk"}, {"X-Auto-Response-Suppress", "All"},
                {"X-MS-Exchange-Inbox-Rules-Loop", "someone@nhs.net"}, {"List-Id", "<list.example>"},
                {"List-Unsubscribe", "<mailto:x@list.example>"}, {"X-Loop", "yes"},
                {"X-FC-Machinegenerated", "true"}, {"Return-Path", "<>"}};
        for (String[] s : signals) {
            var f = facts(TestMail.create().text("I am away").header(s[0], s[1]));
            assertThat(autoReply.apply(f)).as(s[0]).isPresent();
        }
    }

    @Test
    void outOfOfficeSubjectAloneIsAnAutoReply() {
        var f = facts(TestMail.create().subject("Out of Office: back on Monday"));
        assertThat(autoReply.apply(f)).isPresent();
    }

    @Test
    void noReplySenderIsAutomatic() {
        var f = facts(TestMail.create().from("no-reply@system.nhs.net"));
        assertThat(autoReply.apply(f)).isPresent();
    }

    @Test
    void automaticMailWithADocumentIsNotThrownAwayAsAnAutoReply() {
        var f = facts(TestMail.create().header("Auto-Submitted", "auto-generated")
                .attach("return.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        new byte[] {1, 2, 3}));
        assertThat(autoReply.apply(f)).isEmpty();
        assertThat(AutomaticMailSignals.find(f)).isPresent();
    }

    @Test
    void anOrdinaryReferralEmailIsNotAutomatic() {
        var f = facts(TestMail.create().subject("Appendix E referral form")
                .header("Thread-Topic", "Appendix E referral form").header("X-MS-Has-Attach", "yes"));
        assertThat(AutomaticMailSignals.find(f)).isEmpty();
    }

    @Test
    void multipartReportIsADeliveryFailure() {
        String raw = """
                From: Mail Delivery System <MAILER-DAEMON@mx.nhs.example>
                To: RSAB@redbridge.gov.uk
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.nhs.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                Your message could not be delivered.
                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.nhs.example

                Final-Recipient: rfc822; Nobody.Here@NELFT.example
                Action: failed
                Status: 5.1.1

                --B
                Content-Type: text/rfc822-headers

                Message-ID: <1b4e28ba-2fa1-11d2-883f-0016d3cca427@onepanel.redbridge.gov.uk>
                Subject: [OP-2026-0001/NELFT] Request for information

                --B--
                """.replace("\n", "\r\n");
        var f = facts(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(deliveryFailure.apply(f)).get().extracting(TriageRule.Outcome::verdict)
                .isEqualTo(Verdict.DELIVERY_FAILURE);
        DeliveryReport report = DeliveryReport.read(f.mail(), raw.getBytes(StandardCharsets.US_ASCII),
                "onepanel.redbridge.gov.uk");
        assertThat(report.originalMessageIds())
                .containsExactly("<1b4e28ba-2fa1-11d2-883f-0016d3cca427@onepanel.redbridge.gov.uk>");
        assertThat(report.failedRecipients()).containsExactly("nobody.here@nelft.example");
        assertThat(report.status()).isEqualTo("5.1.1");
    }

    @Test
    void postmasterNoticeIsADeliveryFailure() {
        var f = facts(TestMail.create().from("postmaster@nhs.net").subject("Undeliverable: Referral"));
        assertThat(deliveryFailure.apply(f)).isPresent();
    }

    @Test
    void aPersonsEmailIsNotADeliveryFailure() {
        var f = facts(TestMail.create().subject("Delivery of the chronology"));
        assertThat(deliveryFailure.apply(f)).isEmpty();
    }

    @Test
    void anEmptyMessageIsNotUnderstood() {
        String raw = "From: a@nhs.net\r\nTo: RSAB@redbridge.gov.uk\r\nSubject: \r\n\r\n";
        var f = facts(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(referral.apply(f)).get().extracting(TriageRule.Outcome::verdict).isEqualTo(Verdict.NOT_UNDERSTOOD);
    }

    @Test
    void aMessageWithContentIsAReferralCandidate() {
        var f = facts(TestMail.create().text("First name: Alex"));
        assertThat(referral.apply(f)).get().extracting(TriageRule.Outcome::verdict).isEqualTo(Verdict.REFERRAL);
    }

    /** Issue 11: 600,000 References ids de-duplicated with List.contains took many minutes. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sixHundredThousandReferencesAreReadInLinearTime() {
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 600_000; i++) {
            refs.append(" <").append(i % 300_000).append("@mail.example>");
        }
        var f = facts(TestMail.create().header("In-Reply-To", "<7@mail.example>").header("References",
                refs.toString()));

        List<String> ids = f.threadIds();

        assertThat(ids).hasSize(MessageFacts.MAX_THREAD_IDS).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("<7@mail.example>");
        assertThat(ids.get(1)).isEqualTo("<299999@mail.example>");
        assertThat(ids).contains("<0@mail.example>"); // the root of the thread is kept
    }

    @Test
    void bulkAndListMailIsRecognisedEvenWithADocument() {
        String[][] signals = {{"List-Id", "<bulletin.list.example>"}, {"List-Unsubscribe", "<mailto:u@list.example>"},
                {"Precedence", "bulk"}, {"Precedence", "list"}, {"X-Precedence", "junk"}};
        for (String[] s : signals) {
            var f = facts(TestMail.create().text("This month's safeguarding bulletin").header(s[0], s[1])
                    .attach("bulletin.pdf", "application/pdf", new byte[] {1, 2, 3}));
            assertThat(BulkMailRule.signal(f)).as(s[0]).isPresent();
        }
        assertThat(BulkMailRule.signal(facts(TestMail.create().header("Precedence", "first-class")))).isEmpty();
        assertThat(BulkMailRule.signal(facts(TestMail.create().header("Auto-Submitted", "auto-generated"))))
                .isEmpty();
    }

    /** Issue 11: a form nested 100 levels deep was "empty: no body text and no attachments". */
    @Test
    void aMessageNestedDeeperThanTheAnatomyReadsIsTooComplexNotEmpty() {
        StringBuilder raw = new StringBuilder("From: a@nhs.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        int depth = 100;
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b")
                    .append(i).append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nReferral form text\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }

        var outcome = referral.apply(facts(raw.toString().getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).get().extracting(TriageRule.Outcome::verdict).isEqualTo(Verdict.NOT_UNDERSTOOD);
        assertThat(outcome.get().detail()).startsWith("too_complex: parts nested deeper than");
    }
}
