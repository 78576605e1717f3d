package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.RestartableService;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Stops and starts the whole service on one database file, with the mail server outside it (as in production), to
 * show that an email sent again after a restart changes nothing.
 */
class RestartEndToEndTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";

    @TempDir
    Path dataDir;
    GreenMail greenMail;
    MailServerClient mail;

    @BeforeEach
    void startMailServer() {
        greenMail = RestartableService.mailServer("restart.referrer@nhs-trust.example");
        mail = RestartableService.client(greenMail);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    ConfigurableApplicationContext startService() {
        return RestartableService.start(dataDir, greenMail, Map.of());
    }

    @Test
    void anEmailSentAgainAfterARestartIsStillOneReferralWithOneAcknowledgement() {
        String sender = "restart.referrer@nhs-trust.example";
        byte[] raw = TestMail.create().from(sender).to(ONEPANEL).subject("Referral")
                .text(TestMail.bodyReferral("Morgan", "Restart", "03/03/1953", "Found at home.", sender)).bytes();

        try (ConfigurableApplicationContext first = startService()) {
            mail.deliver(raw, ONEPANEL);
            first.getBean(MailAccounts.class).pollNow();
            Quiescence.await(first.getBean(JdbcClient.class));
            assertThat(referrals(first)).isEqualTo(1);
        }

        // sent again: the same message through another hop, so its bytes differ in a transport header (otherwise,
        // delivered within the same second as the first, it would be byte for byte the first copy, rightly taken as
        // that copy moved back by hand)
        byte[] again = ("Received: from relay.nhs-trust.example (relay.nhs-trust.example [192.0.2.10]) by "
                + "mx.redbridge.gov.uk; Fri, 27 Nov 2026 09:00:01 +0000\r\n" + new String(raw,
                java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mail.deliver(again, ONEPANEL);

        try (ConfigurableApplicationContext second = startService()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            second.getBean(MailAccounts.class).pollNow();
            Quiescence.await(jdbc);
            assertThat(referrals(second)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_message").query(Integer.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT role FROM referral_message ORDER BY linked_at").query(String.class).list())
                    .containsExactly("ORIGINAL", "DUPLICATE_COPY");
        }
        assertThat(mail.inbox(sender)).hasSize(1);
    }

    private static int referrals(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM referral").query(Integer.class).single();
    }
}
