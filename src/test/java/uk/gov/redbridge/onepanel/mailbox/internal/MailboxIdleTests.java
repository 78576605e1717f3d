package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.ONEPANEL;
import static uk.gov.redbridge.onepanel.mailbox.internal.MailboxTestSupport.RSAB;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;

/**
 * IMAP IDLE with the timed poll set to an hour: new mail is taken within seconds; IDLE is re-issued on its interval;
 * an IDLE connection that goes silent is noticed and opened again (RELIABILITY I5). The waits are generous upper
 * bounds, not timings. The onepanel mailbox is reached through a proxy that can go silent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "onepanel.mailbox.scheduled-polling=true",
        "onepanel.mailbox.poll-interval=PT1H",
        "onepanel.mailbox.idle.enabled=true",
        "onepanel.mailbox.idle.re-idle-interval=PT1S",
        "onepanel.mailbox.timeouts.read=PT2S",
        "onepanel.mailbox.backoff.initial=PT1S"})
@ActiveProfiles("test")
@Import(MailboxTestSupport.class)
class MailboxIdleTests {

    static final FaultyImapProxy PROXY = FaultyImapProxy.start();

    @DynamicPropertySource
    static void onepanelThroughTheProxy(DynamicPropertyRegistry registry) {
        String smtp = "${onepanel.mailbox.embedded.smtp-port}";
        MailboxTestSupport.account(registry, 0, "onepanel", ONEPANEL, Integer.toString(PROXY.port()), smtp,
                "PASSWORD", ONEPANEL);
        MailboxTestSupport.account(registry, 1, "rsab", RSAB, "${onepanel.mailbox.embedded.imap-port}", smtp,
                "PASSWORD", RSAB);
    }

    @Autowired
    GreenMailServer server;
    @Autowired
    InboundMessages messages;
    @Autowired
    IdleWatchers idle;

    @AfterAll
    static void closeProxy() throws Exception {
        PROXY.close();
    }

    @Test
    void newMailIsTakenWithinSecondsThroughIdleAndIdleIsReissued() throws Exception {
        PROXY.target(server.info().imapPort());
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> idle.status("rsab") == IdleWatchers.Status.LISTENING);
        long rounds = idle.idleRounds("rsab");

        SmtpDelivery.deliver(server.info().smtpPort(), TestMail.simple("idle@nhs-trust.example", RSAB, "now"), RSAB);

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> messages.latest(10).stream()
                .map(InboundMessage::messageIdHeader).anyMatch("<idle@nhs-trust.example>"::equals));
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> idle.idleRounds("rsab") >= rounds + 3);
    }

    @Test
    void aSilentIdleConnectionIsNoticedAndOpenedAgain() throws Exception {
        PROXY.target(server.info().imapPort());
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> idle.status("onepanel") == IdleWatchers.Status.LISTENING);

        PROXY.blackHole(true);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> idle.status("onepanel") != IdleWatchers.Status.LISTENING);
        PROXY.blackHole(false);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> idle.status("onepanel") == IdleWatchers.Status.LISTENING);

        SmtpDelivery.deliver(server.info().smtpPort(), TestMail.simple("after-cut@nhs-trust.example", ONEPANEL,
                "after the cut"), ONEPANEL);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> messages.latest(10).stream()
                .map(InboundMessage::messageIdHeader).anyMatch("<after-cut@nhs-trust.example>"::equals));
    }
}
