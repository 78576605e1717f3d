package uk.gov.redbridge.onepanel.requests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.EmbeddedMailClient;
import uk.gov.redbridge.onepanel.testing.TestMail;

/** What the requests module's end-to-end tests share: referrals sent by mail, the API, mailboxes read by IMAP. */
final class RequestsTestSupport {

    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String SECRETARIAT = "panel.secretariat@redbridge.example";
    static final String REFERRER = "pat.example@nhs-trust.example";
    static final String API_USER = "requests-api-test";
    static final String API_PASSWORD = "not-a-real-password-7";
    static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestsTestSupport() {
    }

    /** A user with role API for the JSON API. */
    static void apiUser(DynamicPropertyRegistry registry) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(API_PASSWORD);
        registry.add("onepanel.security.users[0].username", () -> API_USER);
        registry.add("onepanel.security.users[0].password-hash", () -> hash);
        registry.add("onepanel.security.users[0].roles[0]", () -> "API");
    }

    static RestClient api(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(API_USER, API_PASSWORD)).build();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * Mails a referral typed in the email body (fictional person) to a panel mailbox, checks the mailboxes, and
     * waits for it to be logged.
     */
    static ReferralReference referral(EmbeddedMailClient mail, MailAccounts accounts, ReferralLog log, String to,
            String firstName, String lastName, String reason) {
        mail.send(TestMail.create().from("Pat Example <" + REFERRER + ">").to(to).subject("One Panel referral")
                .text(TestMail.bodyReferral(firstName, lastName, "02/05/1961", reason, REFERRER)).build());
        accounts.pollNow();
        return await().atMost(PATIENCE).until(() -> find(log, lastName), Optional::isPresent).orElseThrow()
                .reference();
    }

    private static Optional<Referral> find(ReferralLog log, String lastName) {
        return log.latest(200).stream().filter(r -> lastName.equals(r.subject().lastName())).findFirst();
    }

    /** The messages in a mailbox whose subject carries the text (a token or a reference). */
    static List<EmbeddedMailClient.Received> mailAbout(EmbeddedMailClient mail, String address, String text) {
        return mail.inbox(address).stream().filter(m -> m.subject() != null && m.subject().contains(text)).toList();
    }

    /** Waits until the mailbox holds {@code count} messages about the text, and returns them. */
    static List<EmbeddedMailClient.Received> awaitMail(EmbeddedMailClient mail, String address, String text,
            int count) {
        return await().atMost(PATIENCE).until(() -> mailAbout(mail, address, text), l -> l.size() >= count);
    }
}
