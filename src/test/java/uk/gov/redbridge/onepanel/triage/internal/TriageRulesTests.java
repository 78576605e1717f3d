package uk.gov.redbridge.onepanel.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.extraction.MailAnatomy;
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
        return new MessageFacts(m, MailAnatomy.parse(raw));
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
}
