package uk.gov.redbridge.onepanel.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.InboundMessageId;
import uk.gov.redbridge.onepanel.mailbox.InboundMessages;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.mailbox.MessageReceived;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The triage module on its own (Spring Modulith's {@code @ApplicationModuleTest}: only {@code triage} is started):
 * a stored message announced by the mailbox is decided once, and the verdict goes out as the event the next module
 * listens for. The modules it reads are stood in for: the mailbox hands out the message (parsed, and its bytes), correspondence says
 * which Message-IDs are the service's own. Real MIME throughout (Jakarta Mail builds each message).
 */
// shared too: triage's own threads and watchdog are beans of shared's types, which a module test drops otherwise
@ApplicationModuleTest(extraIncludes = "shared")
@ActiveProfiles("test")
class TriageModuleTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    static final String OWN_DOMAIN = "onepanel.redbridge.gov.uk";
    static final AtomicLong UIDS = new AtomicLong();
    /** Scenario's default wait is 10 s; a loaded two-core machine needs longer (a wait, not a speed target). */
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The clock is the working-days module's; the system clock here. */
    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /**
     * What triage announced, heard as it is published. Not Scenario's own event capture: it is bound to the thread
     * that created a pooled listener thread, so a later test's events on a reused thread went to an earlier test.
     * Not a transactional listener either: on every event, Spring Modulith would record a publication of each.
     */
    static class Announcements {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals(Triage.class.getPackageName())) {
                events.add(event);
            }
        }

        <T> Optional<T> of(Class<T> type, InboundMessageId id) {
            return events.stream().filter(type::isInstance).map(type::cast)
                    .filter(e -> id.toString().equals(messageIdOf(e))).findFirst();
        }

        private static String messageIdOf(Object event) {
            if (event instanceof ReferralMessageReceived e) {
                return e.messageId().toString();
            } else if (event instanceof ReplyReceived e) {
                return e.messageId().toString();
            } else if (event instanceof AutoReplyReceived e) {
                return e.messageId().toString();
            } else if (event instanceof DeliveryFailureReceived e) {
                return e.messageId().toString();
            } else if (event instanceof MessageNotUnderstood e) {
                return e.messageId().toString();
            }
            return "";
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Announcements announcements() {
            return new Announcements();
        }
    }

    @Autowired
    Announcements announced;

    @MockitoBean
    InboundMessages messages;
    @MockitoBean
    Correspondence correspondence;
    @MockitoBean
    MailAccounts accounts;

    @Autowired
    Triage triage;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theServicesOwnMessageIds() {
        given(correspondence.messageIdDomain()).willReturn(OWN_DOMAIN);
        given(correspondence.isOwnMessageId(anyString())).willAnswer(a -> a.<String>getArgument(0).contains(OWN_DOMAIN));
        given(accounts.owningAddress(anyString())).willReturn(Optional.empty());
    }

    /** A message as the mailbox stored it: its row (in the mailbox's own table) and its bytes. */
    private MessageReceived stored(byte[] raw, String sender, String subject) {
        InboundMessageId id = new InboundMessageId(UUID.randomUUID());
        long uid = UIDS.incrementAndGet();
        jdbc.sql("INSERT INTO inbound_message (id, mailbox, mailbox_address, folder, uid_validity, uid, sender, "
                        + "subject, received_at, size, sha256, content_key) "
                        + "VALUES (:id, 'onepanel', :address, 'INBOX', 1, :uid, :sender, :subject, :at, :size, :sha, :key)")
                .param("id", id.value()).param("address", ONEPANEL).param("uid", uid).param("sender", sender)
                .param("subject", subject).param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("size", raw.length)
                .param("sha", id.value().toString()).param("key", id.value().toString())
                .update();
        given(messages.find(id)).willReturn(Optional.of(new InboundMessage(id, "onepanel", ONEPANEL, "INBOX", 1, uid,
                "<" + id.value() + "@nhs.example>", sender, List.of(ONEPANEL), subject, Instant.now(), Instant.now(),
                raw.length, id.value().toString(), id.value().toString(), null)));
        given(messages.rawBytes(id)).willReturn(raw);
        given(messages.parsed(id)).willReturn(MailParser.parse(raw));
        return new MessageReceived(id, "onepanel");
    }

    @Test
    void aReferrersEmailIsAReferralCandidateForIntake(Scenario scenario) {
        MessageReceived received = stored(TestMail.create().from("referrer@nhs.example").to(ONEPANEL)
                .subject("SAR referral").text(TestMail.bodyReferral("Alex", "Testperson", "01/02/1950",
                        "Found at home.", "referrer@nhs.example")).bytes(), "referrer@nhs.example", "SAR referral");

        scenario.publish(received).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> announced.of(ReferralMessageReceived.class, received.messageId()),
                        Optional::isPresent)
                .andVerify(announcement -> assertThat(announcement).get().satisfies(e -> {
                    assertThat(e.mailbox()).isEqualTo("onepanel");
                    assertThat(e.automatic()).isFalse();
                }));
        assertThat(triage.decisionFor(received.messageId())).get()
                .satisfies(d -> assertThat(d.verdict()).isEqualTo(Verdict.REFERRAL));
    }

    @Test
    void anAnswerToTheServicesOwnMailIsAReplyCarryingWhatItAnswers(Scenario scenario) {
        String ours = "<request-" + UUID.randomUUID() + "@" + OWN_DOMAIN + ">";
        MessageReceived received = stored(TestMail.create().from("agency@nhs.example").to(ONEPANEL)
                .subject("RE: Information request OP-2026-0042").header("In-Reply-To", ours).header("References", ours)
                .text("Our chronology is attached.").bytes(), "agency@nhs.example", "RE: Information request");

        scenario.publish(received).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> announced.of(ReplyReceived.class, received.messageId()),
                        Optional::isPresent)
                .andVerify(announcement -> assertThat(announcement).get().satisfies(e -> {
                    assertThat(e.keys().ownThreadIds()).containsExactly(ours);
                    assertThat(e.keys().reference()).isEqualTo("OP-2026-0042");
                }));
    }

    @Test
    void aBounceOfTheServicesMailIsADeliveryFailureNamingTheMailThatFailed(Scenario scenario) {
        String ours = "<ack-" + UUID.randomUUID() + "@" + OWN_DOMAIN + ">";
        MessageReceived received = stored(TestMail.deliveryFailureReport(ONEPANEL, "gone@nhs.example", ours,
                "One Panel referral received"), "MAILER-DAEMON@mx.delivery.example", "Undelivered Mail");

        scenario.publish(received).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> announced.of(DeliveryFailureReceived.class, received.messageId()),
                        Optional::isPresent)
                .andVerify(announcement -> assertThat(announcement).get()
                        .satisfies(e -> assertThat(e.originalMessageIds()).contains(ours)));
    }

    @Test
    void anOutOfOfficeAnswerIsAnAutomaticReplyNotAReferral(Scenario scenario) {
        MessageReceived received = stored(TestMail.create().from("away@nhs.example").to(ONEPANEL)
                .subject("Automatic reply: SAR referral").header("Auto-Submitted", "auto-replied")
                .text("I am out of the office until Monday.").bytes(), "away@nhs.example", "Automatic reply");

        scenario.publish(received).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> announced.of(AutoReplyReceived.class, received.messageId()),
                        Optional::isPresent);
        assertThat(announced.of(ReferralMessageReceived.class, received.messageId())).isEmpty();
        assertThat(triage.decisionFor(received.messageId())).get()
                .satisfies(d -> assertThat(d.verdict()).isEqualTo(Verdict.AUTO_REPLY));
    }

    @Test
    void aMessageDeliveredAgainIsDecidedOnce(Scenario scenario) {
        MessageReceived received = stored(TestMail.create().from("referrer@nhs.example").to(ONEPANEL)
                .subject("Referral").text("Please see the referral below.\n\n" + TestMail.bodyReferral("Sam", "Twice",
                        "03/04/1960", "Self-neglect.", "referrer@nhs.example")).bytes(), "referrer@nhs.example",
                "Referral");
        scenario.publish(received).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> announced.of(ReferralMessageReceived.class, received.messageId()),
                        Optional::isPresent);

        // delivered again (a crash before the publication completed, or the sweep): decided already, nothing new
        assertThat(triage.decide(received.messageId())).isFalse();
        assertThat(decisions(received.messageId())).isEqualTo(1);
    }

    private int decisions(InboundMessageId id) {
        return jdbc.sql("SELECT COUNT(*) FROM triage_decision WHERE message_id = :m").param("m", id.value())
                .query(Integer.class).single();
    }
}
