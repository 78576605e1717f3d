package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.ONEPANEL;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.PROCESSED;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.RSAB;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;

/**
 * Mailboxes that misbehave: a message the server will not hand out, a server that cannot be reached, a refused
 * password, a Microsoft 365 mailbox whose first token is refused (RELIABILITY I2, I7, M1, M3; LESSONS 7, 9). The
 * onepanel mailbox is reached through a proxy that can refuse one FETCH; the others point at the embedded server,
 * at a closed port, or carry a wrong password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({MailboxTestSupport.class, MailboxResilienceTests.FakeEntraIdConfiguration.class})
class MailboxResilienceTests {

    static final String M365 = "M365Test@redbridge.gov.uk";
    static final FakeEntraId ENTRA = new FakeEntraId();
    static final FaultyImapProxy PROXY = FaultyImapProxy.start();

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) throws Exception {
        String embedded = "${onepanel.mailbox.embedded.imap-port}";
        String smtp = "${onepanel.mailbox.embedded.smtp-port}";
        int closed = TestSettings.freePort();
        MailboxTestSupport.account(registry, 0, "onepanel", ONEPANEL, Integer.toString(PROXY.port()), smtp,
                "PASSWORD", ONEPANEL);
        MailboxTestSupport.account(registry, 1, "rsab", RSAB, embedded, smtp, "PASSWORD", RSAB);
        MailboxTestSupport.account(registry, 2, "offline", "offline@redbridge.gov.uk", Integer.toString(closed),
                Integer.toString(closed), "PASSWORD", "offline@redbridge.gov.uk");
        MailboxTestSupport.account(registry, 3, "wrongpass", "RedbridgeSCP@redbridge.gov.uk", embedded, smtp,
                "PASSWORD", "wrong");
        MailboxTestSupport.account(registry, 4, "m365", M365, embedded, smtp, "OAUTH2", null);
        registry.add("onepanel.mailbox.accounts[4].auth.tenant-id", () -> "contoso-tenant");
        registry.add("onepanel.mailbox.accounts[4].auth.client-id", () -> "app-id");
        registry.add("onepanel.mailbox.accounts[4].auth.client-secret", () -> "not-a-real-secret");
        List<String> mailboxes = List.of(ONEPANEL, RSAB, "RedbridgeSCP@redbridge.gov.uk", M365);
        for (int i = 0; i < mailboxes.size(); i++) {
            String address = mailboxes.get(i);
            registry.add("onepanel.mailbox.embedded.mailboxes[" + i + "]", () -> address);
        }
        registry.add("onepanel.mailbox.timeouts.connection", () -> "PT5S");
        registry.add("onepanel.mailbox.timeouts.read", () -> "PT10S");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FakeEntraIdConfiguration {
        @Bean
        @Primary
        MicrosoftTokens microsoftTokensOnAFakeNetwork() {
            return MicrosoftTokens.usingHttpClient(ENTRA, Duration.ofSeconds(10));
        }
    }

    @Autowired
    GreenMailServer server;
    @Autowired
    PollCoordinator polls;
    @Autowired
    MailAccounts accounts;
    @Autowired
    InboundMessages messages;
    @Autowired
    MailboxStates states;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    HealthContributor mailboxesHealthContributor;
    @Autowired
    MailboxTestSupport.RecordedEvents events;

    @BeforeEach
    void reset() throws Exception {
        MailboxTestSupport.reset(server, jdbc);
        PROXY.target(server.info().imapPort());
        PROXY.fetchEverything();
        events.clear();
        ENTRA.reset(M365);
        server.greenMail().getUserManager().getUserByEmail(M365).setPassword(M365);
    }

    @AfterAll
    static void closeProxy() throws Exception {
        PROXY.close();
    }

    @Test
    void aMessageTheServerWillNotHandOutIsSetAsideAfterAFewPollsAndTheRestOfTheBatchGoesOn() throws Exception {
        try (ImapClient person = person(ONEPANEL)) {
            person.append("INBOX", TestMail.simple("before@x", ONEPANEL, "before"),
                    TestMail.simple("poison@x", ONEPANEL, "poison"), TestMail.simple("after@x", ONEPANEL, "after"));
            PROXY.refuseToFetch(uidOf(person, 1));

            assertThat(polls.check("onepanel").count(MessageTaker.Outcome.STORED)).isEqualTo(2);
            assertThat(person.count("INBOX")).isEqualTo(1);
            assertThat(polls.check("onepanel").count(MessageTaker.Outcome.FAILED)).isEqualTo(1);
            assertThat(events.quarantined).isEmpty();

            MailboxPoller.PollResult third = polls.check("onepanel");

            assertThat(third.count(MessageTaker.Outcome.QUARANTINED)).isEqualTo(1);
            assertThat(person.count("INBOX")).isZero();
            assertThat(person.count(PROCESSED)).isEqualTo(3);
            InboundMessage poison = messages.latest(10).stream().filter(InboundMessage::quarantined).findFirst()
                    .orElseThrow();
            assertThat(poison.quarantineReason()).isEqualTo("fetch_failed");
            assertThat(poison.messageIdHeader()).isEqualTo("<poison@x>");
            assertThat(events.quarantined).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("fetch_failed"));
            assertThat(events.received).hasSize(2);
            assertThat(health("onepanel").getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void anUnreachableMailboxIsDownAndBacksOffWhileTheOthersAreChecked() throws Exception {
        try (ImapClient person = person(RSAB)) {
            person.append("INBOX", TestMail.simple("meanwhile@x", RSAB, "meanwhile"));
            Instant before = clock.instant();

            accounts.pollNow();

            MailboxState offline = states.find("offline");
            assertThat(offline.consecutiveFailures()).isEqualTo(1);
            assertThat(offline.failureKind()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(offline.nextAttemptAt()).isAfterOrEqualTo(before.plusSeconds(30));
            Health down = health("offline");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("failureKind", "unreachable")
                    .containsEntry("consecutiveFailures", 1).containsEntry("lastSuccessfulCheck", "never");
            assertThat(person.count("INBOX")).isZero();
            assertThat(health("rsab").getStatus()).isEqualTo(Status.UP);

            person.append("INBOX", TestMail.simple("still@x", RSAB, "still checked"));
            accounts.pollNow();

            assertThat(states.find("offline").consecutiveFailures()).as("not tried again within its backoff")
                    .isEqualTo(1);
            assertThat(person.count("INBOX")).isZero();
            assertThat(messages.count()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedPasswordIsReportedAndNotTriedAgainForFiveMinutes() {
        accounts.pollNow();

        MailboxState refused = states.find("wrongpass");
        assertThat(refused.failureKind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(refused.nextAttemptAt()).isAfterOrEqualTo(refused.lastFailureAt().plus(Duration.ofMinutes(5)));
        assertThat(health("wrongpass").getDetails()).containsEntry("failureKind", "authentication");
        assertThat(health("wrongpass").getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aMicrosoft365MailboxIsReadWithXoauth2AndARefusedCachedTokenIsRefreshedOnce() throws Exception {
        // a token is cached ...
        setToken("token-of-the-morning");
        assertThat(polls.check("m365").checked()).isTrue();
        // ... and revoked: the server refuses it while MSAL still holds it
        setToken("token-after-revocation");
        int imap = server.info().imapPort();
        try (ImapClient person = new ImapClient("127.0.0.1", imap, M365, "token-after-revocation")) {
            person.append("INBOX", TestMail.simple("oauth@x", M365, "via xoauth2"));

            assertThat(polls.check("m365").count(MessageTaker.Outcome.STORED)).isEqualTo(1);

            assertThat(ENTRA.tokenRequests()).as("one refresh, skipping the cache").hasSize(1);
            assertThat(person.count("INBOX")).isZero();
            assertThat(health("m365").getStatus()).isEqualTo(Status.UP);
        }
    }

    /** The embedded server takes the password as the XOAUTH2 token; Entra ID hands out the same. */
    private void setToken(String token) {
        server.greenMail().getUserManager().getUserByEmail(M365).setPassword(token);
        ENTRA.reset(token);
    }

    @Test
    void sendsFromAnAccountWithItsOwnMessageIdAndAddressAsEnvelopeSender() throws Exception {
        for (String account : List.of("onepanel", "m365")) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
            message.setFrom(new InternetAddress(accounts.byName(account).orElseThrow().address()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("referrer@nhs-trust.example"));
            message.setSubject("OP-2026-0001 acknowledgement");
            message.setText("We have your referral.");
            message.saveChanges();
            message.setHeader("Message-ID", "<op-2026-0001-" + account + "@onepanel.redbridge.gov.uk>");

            accounts.send(account, message);
        }

        try (ImapClient referrer = person("referrer@nhs-trust.example")) {
            List<String> received = referrer.raw("INBOX").stream().map(String::new).toList();
            assertThat(received).hasSize(2);
            assertThat(received).anySatisfy(m -> assertThat(m)
                    .contains("Message-ID: <op-2026-0001-onepanel@onepanel.redbridge.gov.uk>"));
            assertThat(received).anySatisfy(m -> assertThat(m)
                    .contains("Message-ID: <op-2026-0001-m365@onepanel.redbridge.gov.uk>"));
        }
    }

    @Test
    void aMailboxNotCheckedSuccessfullyForFiveMinutesIsDown() {
        states.recordSuccess("rsab", clock.instant().minus(Duration.ofMinutes(4)), 1, "IDLE MOVE UIDPLUS");
        assertThat(health("rsab").getStatus()).isEqualTo(Status.UP);

        states.recordSuccess("rsab", clock.instant().minus(Duration.ofMinutes(6)), 1, "IDLE MOVE UIDPLUS");
        Health stale = health("rsab");

        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stale.getDetails()).containsKey("stale").containsEntry("consecutiveFailures", 0);
    }

    @Test
    void healthHasOneComponentPerMailbox() {
        assertThat(((CompositeHealthContributor) mailboxesHealthContributor).stream().map(e -> e.name()))
                .containsExactly("onepanel", "rsab", "offline", "wrongpass", "m365");
        assertThat(health("rsab").getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private Health health(String mailbox) {
        return ((HealthIndicator) ((CompositeHealthContributor) mailboxesHealthContributor).getContributor(mailbox))
                .health();
    }

    private ImapClient person(String address) throws Exception {
        return new ImapClient("127.0.0.1", server.info().imapPort(), address);
    }

    private static long uidOf(ImapClient person, int index) throws Exception {
        IMAPFolder inbox = (IMAPFolder) person.folder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            return inbox.getUID(inbox.getMessage(index + 1));
        } finally {
            inbox.close(false);
        }
    }
}
