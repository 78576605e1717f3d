package uk.gov.redbridge.onepanel.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.redbridge.onepanel.OnePanelApplication;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.Quiescence;
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
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"),
                new ServerSetup(0, "127.0.0.1", "imap")});
        greenMail.start();
        for (String address : new String[] {ONEPANEL, "RSAB@redbridge.gov.uk", "RedbridgeSCP@redbridge.gov.uk",
                "restart.referrer@nhs-trust.example"}) {
            greenMail.setUser(address, address, address);
        }
        mail = new MailServerClient("127.0.0.1", greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    ConfigurableApplicationContext startService() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("onepanel") + ";DB_CLOSE_ON_EXIT=FALSE");
        p.put("server.port", "0");
        p.put("onepanel.security.demo-password", "test-secret");
        p.put("onepanel.mailbox.scheduled-polling", "false");
        p.put("onepanel.mailbox.embedded.enabled", "false");
        String[][] accounts = {{"onepanel", ONEPANEL}, {"rsab", "RSAB@redbridge.gov.uk"},
                {"rscp", "RedbridgeSCP@redbridge.gov.uk"}};
        for (int i = 0; i < accounts.length; i++) {
            String a = "onepanel.mailbox.accounts[" + i + "].";
            p.put(a + "name", accounts[i][0]);
            p.put(a + "address", accounts[i][1]);
            p.put(a + "imap.host", "127.0.0.1");
            p.put(a + "imap.port", greenMail.getImap().getPort());
            p.put(a + "imap.security", "NONE");
            p.put(a + "smtp.host", "127.0.0.1");
            p.put(a + "smtp.port", greenMail.getSmtp().getPort());
            p.put(a + "smtp.security", "NONE");
            p.put(a + "auth.type", "PASSWORD");
            p.put(a + "auth.password", accounts[i][1]);
        }
        // as command-line arguments: they win over application.yml (builder "properties" would not)
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(OnePanelApplication.class).run(args);
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
