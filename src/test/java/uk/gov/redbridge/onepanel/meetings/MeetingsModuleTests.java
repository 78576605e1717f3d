package uk.gov.redbridge.onepanel.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.papers.Papers;
import uk.gov.redbridge.onepanel.referrals.ReceivedReplies;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReplyMessage;
import uk.gov.redbridge.onepanel.referrals.ReplyRecognised;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * The meetings module on its own (Spring Modulith's {@code @ApplicationModuleTest}): a panel member's answer to a
 * request for further information reaches it as the referral log's {@link ReplyRecognised} event, and is recorded
 * once, however often the event is delivered (after a crash, the registry delivers it again). The modules it uses
 * are stood in for; the reply is real MIME, parsed as the mailbox parses it.
 */
// shared: beans of shared's types the module's configuration needs
@ApplicationModuleTest(extraIncludes = "shared")
@ActiveProfiles("test")
class MeetingsModuleTests {

    static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";
    /** A panel member of the demo configuration (application.yml), fictional. */
    static final String CHAIR = "panel.chair@nelics.example";
    /** Scenario's default wait is 10 s; a loaded two-core machine needs longer (a wait, not a speed target). */
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    ReceivedReplies replies;
    @MockitoBean
    ReferralLog referrals;
    @MockitoBean
    InformationRequests requests;
    @MockitoBean
    Papers papers;
    @MockitoBean
    AgencyDirectory directory;
    @MockitoBean
    Correspondence correspondence;
    @MockitoBean
    WorkingDays workingDays;
    @MockitoBean
    FamilyLinks links;

    @Autowired
    JdbcClient jdbc;

    /** A meeting with one agenda item and a request for further information about it, as the module writes them. */
    private UUID furtherInformationRequested() {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO meeting (id, meeting_date, starts_at, papers_deadline, created_at, created_by, updated_at) "
                + "VALUES (:id, :date, '10:00', :date, :now, 'test', :now)")
                .params(Map.of("id", meeting, "date", LocalDate.now().plusDays(20), "now", now)).update();
        jdbc.sql("INSERT INTO agenda_item (id, meeting_id, position, title, state, added_at, added_by) "
                + "VALUES (:id, :meeting, 1, 'Item', 'FURTHER_INFORMATION', :now, 'test')")
                .params(Map.of("id", item, "meeting", meeting, "now", now)).update();
        jdbc.sql("INSERT INTO further_information (id, item_id, question, requested_at, requested_by) "
                + "VALUES (:id, :item, 'Which review do you recommend?', :now, 'test')")
                .params(Map.of("id", request, "item", item, "now", now)).update();
        return request;
    }

    private ReplyMessage memberReply(String from, String text) {
        UUID id = UUID.randomUUID();
        byte[] raw = TestMail.create().from(from).to(ONEPANEL).subject("RE: Further information needed")
                .text(text + "\n\nOn Monday the panel wrote:\n> Which review do you recommend?").bytes();
        ReplyMessage message = new ReplyMessage(id, "onepanel", from, MailParser.parse(raw));
        given(replies.message(id)).willReturn(Optional.of(message));
        return message;
    }

    private long answers(UUID request) {
        return jdbc.sql("SELECT COUNT(*) FROM member_answer WHERE request_id = :r").param("r", request)
                .query(Long.class).single();
    }

    /** How many deliveries of a recognised reply the module's listener has completed. */
    private long deliveriesCompleted() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%MemberReplyHandler%' "
                + "AND completion_date IS NOT NULL").query(Long.class).single();
    }

    @Test
    void aMembersAnswerIsRecordedOnceThoughTheEventComesTwice(Scenario scenario) {
        UUID request = furtherInformationRequested();
        ReplyMessage reply = memberReply(CHAIR, "SAR. The threshold is met.");
        ReplyRecognised recognised = new ReplyRecognised(reply.id(), "onepanel", "meetings", request.toString(),
                "threading", null);
        long before = deliveriesCompleted();

        scenario.publish(recognised).andWaitAtMost(WAIT)
                .andWaitForStateChange(() -> answers(request), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        scenario.publish(recognised).andWaitAtMost(WAIT)
                .andWaitForStateChange(this::deliveriesCompleted, n -> n >= before + 2)
                .andVerify(n -> assertThat(answers(request)).as("delivered twice, recorded once").isEqualTo(1));

        Map<String, Object> answer = jdbc.sql("SELECT * FROM member_answer WHERE request_id = :r")
                .param("r", request).query().singleRow();
        assertThat(answer.get("email")).isEqualTo(CHAIR);
        assertThat(answer.get("name")).isEqualTo("Panel Chair");
        assertThat(answer.get("position")).isEqualTo("SAR");
        assertThat((String) answer.get("answer")).startsWith("SAR. The threshold is met.")
                .doesNotContain("Which review do you recommend?");
    }

    @Test
    void aReplyRecognisedForAnotherModuleIsNotRecordedHere(Scenario scenario) {
        UUID request = furtherInformationRequested();
        ReplyMessage reply = memberReply(CHAIR, "SAR.");
        long before = deliveriesCompleted();

        scenario.publish(new ReplyRecognised(reply.id(), "onepanel", "requests", request.toString(), "THREADING",
                        null)).andWaitAtMost(WAIT)
                .andWaitForStateChange(this::deliveriesCompleted, n -> n > before)
                .andVerify(n -> assertThat(answers(request)).isZero());
    }

    /** How many deliveries of a recognised reply the module's listener has failed (kept, to be shown and tried again). */
    private long deliveriesFailed() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%MemberReplyHandler%' "
                + "AND completion_date IS NULL AND status = 'FAILED'").query(Long.class).single();
    }

    @Test
    void aReplyRecognisedForARequestThatIsNotThereIsNeverDroppedInSilence(Scenario scenario) {
        ReplyMessage reply = memberReply(CHAIR, "SAR.");
        UUID missing = UUID.randomUUID();
        long before = deliveriesFailed();

        scenario.publish(new ReplyRecognised(reply.id(), "onepanel", "meetings", missing.toString(), "threading",
                        null)).andWaitAtMost(WAIT)
                .andWaitForStateChange(this::deliveriesFailed, n -> n > before)
                .andVerify(n -> assertThat(n).as("the publication stays incomplete, as stuck work").isEqualTo(before + 1));
    }
}
