package uk.gov.redbridge.onepanel.requests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.TestMail;

/** What the requests module's end-to-end tests share: referrals sent by mail, the API, mailboxes read by IMAP. */
final class RequestsTestSupport {

    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String SECRETARIAT = "panel.secretariat@redbridge.example";
    static final String REFERRER = "pat.example@nhs-trust.example";
    /** The demo user of the test profile (onepanel.security.demo-password). */
    static final String API_USER = "secretariat";
    static final String API_PASSWORD = "test-secret";
    static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestsTestSupport() {
    }

    static RestClient api(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(API_USER, API_PASSWORD)).build();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** A message as it arrived in a mailbox. */
    record Received(String messageId, String subject, String inReplyTo, byte[] raw, ParsedMail parsed) {

        String text() {
            return parsed.body();
        }

        static Received of(byte[] raw) {
            ParsedMail parsed = MailParser.parse(raw);
            return new Received(parsed.header("Message-ID"), parsed.header("Subject"), parsed.header("In-Reply-To"),
                    raw, parsed);
        }
    }

    static MailServerClient mailServer(MailAccounts accounts) {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        return new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    /** Delivers a test mail to its To and Cc recipients, as another organisation's server would. */
    static void deliver(MailServerClient mail, TestMail message) {
        try {
            MimeMessage m = message.build();
            Address[] recipients = m.getAllRecipients();
            String[] to = new String[recipients.length];
            for (int i = 0; i < recipients.length; i++) {
                to[i] = ((jakarta.mail.internet.InternetAddress) recipients[i]).getAddress();
            }
            mail.deliver(message.bytes(), to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Received> inbox(MailServerClient mail, String address) {
        return mail.inbox(address).stream().map(Received::of).toList();
    }

    /**
     * Mails a referral typed in the email body (fictional person) to a panel mailbox, checks the mailboxes, and
     * waits for it to be logged.
     */
    static ReferralReference referral(MailServerClient mail, MailAccounts accounts, ReferralLog log, String to,
            String firstName, String lastName, String reason) {
        deliver(mail, TestMail.create().from("Pat Example <" + REFERRER + ">").to(to).subject("One Panel referral")
                .text(TestMail.bodyReferral(firstName, lastName, "02/05/1961", reason, REFERRER)));
        accounts.pollNow();
        return await().atMost(PATIENCE).until(() -> find(log, lastName), Optional::isPresent).orElseThrow()
                .reference();
    }

    private static Optional<Referral> find(ReferralLog log, String lastName) {
        return log.latest(200).stream().filter(r -> lastName.equals(r.subject().lastName())).findFirst();
    }

    /** Waits until the referral has a request for every agency of its pathway, each sent, and returns them. */
    static List<InformationRequest> awaitRequestsSent(InformationRequests requests, AgencyDirectory directory,
            ReferralReference ref, Pathway pathway) {
        int agencies = directory.receivingRequestsFor(pathway).size();
        return await().atMost(PATIENCE).until(() -> requests.forReferral(ref),
                l -> l.size() == agencies && l.stream().allMatch(r -> r.status() == RequestStatus.SENT));
    }

    /** The messages in a mailbox whose subject carries the text (a token or a reference). */
    static List<Received> mailAbout(MailServerClient mail, String address, String text) {
        return inbox(mail, address).stream().filter(m -> m.subject() != null && m.subject().contains(text)).toList();
    }

    /** Waits until the mailbox holds {@code count} messages about the text, and returns them. */
    static List<Received> awaitMail(MailServerClient mail, String address, String text, int count) {
        return await().atMost(PATIENCE).until(() -> mailAbout(mail, address, text), l -> l.size() >= count);
    }
}
