package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.exceptions;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.get;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.header;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.referralWithSender;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.subject;
import static uk.gov.redbridge.onepanel.endtoend.EndToEndSupport.text;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The intake, end to end: real mail through the embedded mail server, the mailbox checked by calling the poller,
 * the outcome read from the JSON API and from the mailboxes the service writes to. Each test uses its own sender
 * address, so the tests share one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeEndToEndTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String RSAB = "RSAB@redbridge.gov.uk";

    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    MailServerClient mail;
    RestClient api;

    @BeforeEach
    void connect() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
        api = EndToEndSupport.api(port);
    }

    static String uniqueSender() {
        return "referrer." + UUID.randomUUID().toString().substring(0, 8) + "@nhs-trust.example";
    }

    void deliverAndSettle(byte[] raw, String... to) {
        mail.deliver(raw, to);
        accounts.pollNow();
        Quiescence.await(jdbc);
    }

    @Test
    void aReferralIsLoggedAndTheReferrerGetsTheReference() {
        String sender = uniqueSender();
        TestMail referral = TestMail.create().from("Sam Referrer <" + sender + ">").to(ONEPANEL)
                .subject("One Panel referral")
                .text(TestMail.bodyReferral("Alexis", "Testcase", "02/05/1961",
                        "Alexis died at home after a long period of self-neglect.", "020 7946 0001"));

        deliverAndSettle(referral.bytes(), ONEPANEL);

        JsonNode detail = referralWithSender(api, sender);
        assertThat(detail).isNotNull();
        String reference = detail.get("reference").asString();
        assertThat(reference).matches("OP-\\d{4}-\\d{4}");
        assertThat(detail.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(detail.get("subject").get("firstName").asString()).isEqualTo("Alexis");
        assertThat(detail.get("mailbox").asString()).isEqualTo("onepanel");
        assertThat(detail.get("messages")).hasSize(1);
        assertThat(detail.get("messages").get(0).get("verdict").asString()).isEqualTo("REFERRAL");
        assertThat(detail.get("outboundMail")).singleElement()
                .satisfies(m -> assertThat(m.get("state").asString()).isEqualTo("SENT"));

        List<byte[]> inbox = mail.inbox(sender);
        assertThat(inbox).hasSize(1);
        byte[] ack = inbox.get(0);
        assertThat(subject(ack)).contains(reference).doesNotContain("Alexis").doesNotContain("Testcase");
        assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(ack, "X-OnePanel-Loop")).isNotBlank();
        String originalId = jdbc.sql("SELECT message_id_header FROM inbound_message WHERE sender LIKE :s")
                .param("s", "%" + sender + "%").query(String.class).single();
        assertThat(header(ack, "In-Reply-To")).isEqualTo(originalId);
        assertThat(text(ack)).contains("Your reference is " + reference);
        assertThat(header(ack, "Reply-To")).containsIgnoringCase("redbridgeonepanel+" + reference.toLowerCase());
    }

    @Test
    void theSameEmailTwiceAndInTwoMailboxesIsOneReferral() {
        String sender = uniqueSender();
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL, RSAB).subject("Referral")
                .text(TestMail.bodyReferral("Robin", "Duplicate", "01/01/1950", "Self-neglect.", sender)).bytes();

        deliverAndSettle(raw, ONEPANEL, RSAB);
        deliverAndSettle(raw, ONEPANEL);

        JsonNode detail = referralWithSender(api, sender);
        assertThat(detail).isNotNull();
        long referrals = jdbc.sql("SELECT COUNT(*) FROM referral WHERE sender_address = :s").param("s", sender)
                .query(Long.class).single();
        assertThat(referrals).isEqualTo(1);
        assertThat(detail.get("messages")).extracting(m -> m.get("role").asString())
                .contains("ORIGINAL", "DUPLICATE_COPY");
        assertThat(mail.inbox(sender)).hasSize(1);
    }

    @Test
    void anAutomaticReplyIsLoggedButNeitherAReferralNorAnswered() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("Automatic reply: Referral")
                .header("Auto-Submitted", "auto-replied").text("I am out of the office until Monday.").bytes(), ONEPANEL);

        assertThat(referralWithSender(api, sender)).isNull();
        assertThat(mail.inbox(sender)).isEmpty();
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s").param("s", "%" + sender + "%")
                .query(String.class).single();
        JsonNode message = get(api, "/api/messages/" + messageId);
        assertThat(message.get("triage").get("verdict").asString()).isEqualTo("AUTO_REPLY");
        assertThat(message.get("triage").get("rule").asString()).isEqualTo("auto-reply");
    }

    @Test
    void theServicesOwnMailComingBackIsIgnored() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("Fwd: One Panel referral received")
                .header("X-OnePanel-Loop", "redbridge-one-panel").text("forwarded by a rule").bytes(), ONEPANEL);

        assertThat(mail.inbox(sender)).isEmpty();
        String verdict = jdbc.sql("SELECT t.verdict FROM triage_decision t JOIN inbound_message m ON m.id = t.message_id "
                + "WHERE m.sender LIKE :s").param("s", "%" + sender + "%").query(String.class).single();
        assertThat(verdict).isEqualTo("OWN_MAIL");
    }

    @Test
    void anEmailWithoutAFormIsAnExceptionWithASpecificReason() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("Question")
                .text("Could you tell me when the next panel meets?").bytes(), ONEPANEL);

        assertThat(referralWithSender(api, sender)).isNull();
        JsonNode item = exceptionFor(sender);
        assertThat(item.get("reason").asString()).isEqualTo("no_form_found");
        assertThat(item.get("explanation").asString()).doesNotContain(sender);
        assertThat(item.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void anEmptyMessageIsAnException() {
        String sender = uniqueSender();
        String raw = "From: " + sender + "\r\nTo: " + ONEPANEL + "\r\nSubject: \r\nMessage-ID: <"
                + UUID.randomUUID() + "@nhs-trust.example>\r\n\r\n";
        deliverAndSettle(raw.getBytes(), ONEPANEL);

        assertThat(exceptionFor(sender).get("reason").asString()).isEqualTo("empty");
    }

    @Test
    void missingInformationIsAskedForAndTheReferrersReplyCompletesTheReferral() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(RSAB).subject("SAR referral")
                .text(TestMail.bodyReferral("Jordan", "Gapfill", null, "Found deceased at home.", null)).bytes(), RSAB);

        JsonNode detail = referralWithSender(api, sender);
        assertThat(detail.get("status").asString()).isEqualTo("NEEDS_INFORMATION");
        assertThat(detail.get("pathway").asString()).isEqualTo("ADULTS_SAR");
        assertThat(detail.get("missingFields")).extracting(JsonNode::asString)
                .containsExactly("the subject's date of birth or age",
                        "the referrer's telephone number or email address");
        byte[] ack = mail.inbox(sender).get(0);
        assertThat(subject(ack)).contains("more information needed");
        assertThat(text(ack)).contains("the subject's date of birth or age");

        String reference = detail.get("reference").asString();
        deliverAndSettle(TestMail.create().from(sender).to(RSAB).subject("RE: " + subject(ack))
                .header("In-Reply-To", header(ack, "Message-ID")).header("References", header(ack, "Message-ID"))
                .text("Date of birth: 12/11/1958\nTel no. / email: 020 7946 0002\n\nRegards").bytes(), RSAB);

        JsonNode after = get(api, "/api/referrals/" + reference);
        assertThat(after.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(after.get("missingFields")).isEmpty();
        assertThat(after.get("messages")).extracting(m -> m.get("role").asString()).contains("REPLY");
    }

    @Test
    void theReadmesFiveLineReferralIsAReferralAndANameWithAReasonOneNeedingInformation() {
        // README "Try it": five labelled lines in a message body (before: no_form_found, an exception); they give
        // every required field, so the referral is received
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from("Pat Example <" + sender + ">").to(RSAB).subject("One Panel referral")
                .text("""
                        First name: Ada
                        Last name: Example
                        Date of birth: 02/05/1961
                        Summary of reason for referral: Self-neglect and repeated falls at home
                        Tel no. / email: pat.example@nhs-trust.example
                        """).bytes(), RSAB);
        JsonNode detail = referralWithSender(api, sender);
        assertThat(detail).isNotNull();
        assertThat(detail.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(detail.get("subject").get("firstName").asString()).isEqualTo("Ada");

        // a full name and a reason, nothing else: a referral, and the referrer is asked for what is missing
        String other = uniqueSender();
        deliverAndSettle(TestMail.create().from(other).to(RSAB).subject("Referral")
                .text("Name: Ada Example\nReason for referral: Self-neglect and repeated falls at home\n").bytes(), RSAB);
        JsonNode short_ = referralWithSender(api, other);
        assertThat(short_).isNotNull();
        assertThat(short_.get("status").asString()).isEqualTo("NEEDS_INFORMATION");
        assertThat(short_.get("missingFields")).extracting(JsonNode::asString)
                .contains("the subject's date of birth or age");
        assertThat(subject(mail.inbox(other).get(0))).contains("more information needed");
    }

    @Test
    void aReplyNamingNoKnownReferralIsAnException() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("RE: One Panel referral OP-2099-0042")
                .text("Here is the chronology you asked for.").bytes(), ONEPANEL);

        assertThat(exceptionFor(sender).get("reason").asString()).isEqualTo("unmatched_reply");
    }

    @Test
    void anAcknowledgementToADomainNotAllowedIsBlockedNotSent() {
        String sender = "someone." + UUID.randomUUID().toString().substring(0, 6) + "@freemail.test";
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("Referral")
                .text(TestMail.bodyReferral("Casey", "Blocked", "01/01/1970", "Self-neglect.", sender)).bytes(),
                ONEPANEL);

        JsonNode detail = referralWithSender(api, sender);
        assertThat(detail.get("outboundMail")).singleElement()
                .satisfies(m -> assertThat(m.get("state").asString()).isEqualTo("BLOCKED"));
        assertThat(mail.inbox(sender)).isEmpty();
        String reference = detail.get("reference").asString();
        assertThat(exceptions(api)).anySatisfy(e -> {
            assertThat(e.get("reason").asString()).isEqualTo("outbound_blocked");
            assertThat(e.get("referral").asString()).isEqualTo(reference);
            assertThat(e.get("explanation").asString()).contains("freemail.test").doesNotContain(sender);
        });
    }

    @Test
    void aBouncedAcknowledgementIsAnExceptionAndTheMailIsMarkedBounced() {
        String sender = uniqueSender();
        deliverAndSettle(TestMail.create().from(sender).to(ONEPANEL).subject("Referral")
                .text(TestMail.bodyReferral("Drew", "Bounce", "01/01/1970", "Self-neglect.", sender)).bytes(),
                ONEPANEL);
        JsonNode detail = referralWithSender(api, sender);
        String ackId = detail.get("outboundMail").get(0).get("messageId").asString();

        byte[] dsn = TestMail.deliveryFailureReport(ONEPANEL, sender, ackId, "One Panel referral received");
        deliverAndSettle(dsn, ONEPANEL);

        JsonNode after = get(api, "/api/referrals/" + detail.get("reference").asString());
        assertThat(after.get("outboundMail").get(0).get("state").asString()).isEqualTo("BOUNCED");
        assertThat(exceptions(api)).anySatisfy(e -> {
            assertThat(e.get("reason").asString()).isEqualTo("delivery_failure");
            assertThat(e.get("referral").asString()).isEqualTo(detail.get("reference").asString());
            assertThat(e.get("explanation").asString()).contains("5.1.1").contains("nhs-trust.example")
                    .doesNotContain(sender);
        });
    }

    @Test
    void theApiRefusesAnonymousCallers() {
        RestClient anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(s -> true, (q, r) -> {
                }).build();
        int status = anonymous.get().uri("/api/referrals").retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(401);
    }

    private JsonNode exceptionFor(String sender) {
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s").param("s", "%" + sender + "%")
                .query(String.class).single();
        return exceptions(api).stream().filter(e -> messageId.equals(e.path("messageId").asString(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no exception for the message"));
    }
}
