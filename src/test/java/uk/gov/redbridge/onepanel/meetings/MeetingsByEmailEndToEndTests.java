package uk.gov.redbridge.onepanel.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * A decision made by email without a second meeting, a cancelled meeting, and a pack too large to attach: members'
 * answers come back as replies to the service's own mail and are recorded one per member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onepanel.requests.hold=PT0S", "onepanel.meetings.papers-check-interval=PT24H",
                "onepanel.papers.attach-below=1KB"})
@ActiveProfiles("test")
class MeetingsByEmailEndToEndTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String REFERRER = "pat.example@nhs-trust.example";

    @Autowired
    MailAccounts accounts;
    @Autowired
    ReferralLog referrals;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    PanelMeetings meetings;

    @Test
    void membersAnswerByEmailAndThePanelRecommendsWithoutASecondMeeting() {
        MailServerClient mail = mail();
        ReferralReference ref = screenedReferral(mail, "Dora", "Fennimore");
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        Meeting meeting = meetings.find(item.meetingId()).orElseThrow();

        FurtherInformation asked = meetings.requestFurtherInformation(item.id(),
                "Was the person known to your mental health services in the last year?",
                workingDays.addWorkingDays(workingDays.today(), 5), "secretariat");
        assertThat(meetings.agenda(meeting.id())).filteredOn(i -> i.id().equals(item.id())).singleElement()
                .extracting(AgendaItem::state).isEqualTo(AgendaItem.ItemState.FURTHER_INFORMATION);
        assertThatThrownBy(() -> meetings.recordDecisionByEmail(item.id(), sar(), "secretariat"))
                .isInstanceOf(QuorumNotMetException.class);

        List<String> members = meetings.members().stream().map(PanelMember::email).toList();
        for (String member : members) {
            ParsedMail question = awaitMail(mail, member, ref + " One Panel: further information").get(0);
            String replyTo = question.header("Reply-To");
            assertThat(replyTo).startsWith("RedbridgeOnePanel+panel-");
            String answer = member.startsWith("ea.partnerships") ? "No review: not known to the police."
                    : "SAR. Known to our service; we support a review.";
            mail.deliver(TestMail.create().from(member).to(replyTo).subject("RE: " + question.header("Subject"))
                    .header("In-Reply-To", question.header("Message-ID")).text(answer + "\n\n> quoted question")
                    .bytes(), replyTo);
        }
        accounts.pollNow();
        FurtherInformation answered = await().atMost(PATIENCE).until(() -> meetings.furtherInformation(item.id())
                .orElseThrow(), f -> f.answers().size() == members.size());
        assertThat(answered.id()).isEqualTo(asked.id());
        assertThat(answered.answers()).extracting(MemberAnswer::agency)
                .containsExactlyInAnyOrder("NEL-ICS", "LBR-ASC", "LBR-CSC", "NELFT", "MPS", "CSP");
        assertThat(answered.answers()).filteredOn(a -> "MPS".equals(a.agency())).singleElement()
                .satisfies(a -> {
                    assertThat(a.position()).isEqualTo(Recommendation.NO_REVIEW);
                    assertThat(a.text()).isEqualTo("No review: not known to the police.");
                });

        Decision decision = meetings.recordDecisionByEmail(item.id(), sar(), "secretariat");
        assertThat(decision.byEmail()).isTrue();
        assertThat(decision.meetingDate()).isEqualTo(workingDays.today());
        assertThat(decision.quorum()).startsWith("Quorate");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.DECIDED);
        assertThat(awaitMail(mail, REFERRER, ref + " One Panel outcome").get(0).body()).contains("by email on");
    }

    @Test
    void aCancelledMeetingTellsTheMembersWhyAndItsItemsMoveToTheNext() {
        MailServerClient mail = mail();
        Meeting first = meetings.addMeeting(workingDays.addWorkingDays(workingDays.today(), 30), LocalTime.of(14, 0),
                "Online", "secretariat");
        Meeting second = meetings.addMeeting(workingDays.addWorkingDays(workingDays.today(), 50), LocalTime.of(14, 0),
                "Online", "secretariat");
        AgendaItem item = meetings.addItem(first.id(), null, "Learning from a published national review", null,
                "secretariat");

        Meeting cancelled = meetings.cancel(first.id(), "No new referrals and no decisions needed", "secretariat");
        assertThat(cancelled.state()).isEqualTo(MeetingState.CANCELLED);
        Meeting next = meetings.meetings().stream().filter(m -> m.state() != MeetingState.CANCELLED
                && m.date().isAfter(first.date())).findFirst().orElseThrow();
        assertThat(next.date()).isBeforeOrEqualTo(second.date());
        assertThat(meetings.agenda(next.id())).extracting(AgendaItem::id).contains(item.id());
        assertThat(meetings.agenda(first.id())).isEmpty();
        ParsedMail told = awaitMail(mail, "panel.chair@nelics.example", "cancelled").stream()
                .filter(m -> m.body().contains("No new referrals and no decisions needed")).findFirst().orElseThrow();
        assertThat(told.body()).contains("Its open items move to the next meeting");
        assertThatThrownBy(() -> meetings.cancel(first.id(), "again", "secretariat"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPackTooLargeToAttachGoesAsALinkToTheDownloadPage() {
        MailServerClient mail = mail();
        Meeting meeting = meetings.addMeeting(workingDays.addWorkingDays(workingDays.today(), 70), LocalTime.of(10, 0),
                null, "secretariat");
        meetings.addItem(meeting.id(), null, "Learning from drug-related deaths", "Public health", "secretariat");
        IssuedPack pack = meetings.issuePapersNow(meeting.id(), "secretariat").orElseThrow();
        assertThat(pack.fitsInEmail()).isFalse();
        ParsedMail sent = awaitMail(mail, "community.safety@redbridge.example", "One Panel papers").stream()
                .filter(m -> m.body().contains(meeting.id().toString())).findFirst().orElseThrow();
        assertThat(sent.attachments()).isEmpty();
        assertThat(sent.body()).contains("/meetings/" + meeting.id() + "/pack");
        assertThat(meetings.issuePapersNow(meeting.id(), "secretariat")).as("nothing changed: no re-issue").isEmpty();
    }

    private static DecisionForm sar() {
        return new DecisionForm(List.of(Recommendation.SAR), null, SarBasis.DISCRETIONARY, null,
                Set.of(Methodology.REFLECTIVE_LEARNING_SESSION), "Learning about mental health support", List.of(),
                List.of("MPS"), null);
    }

    private MailServerClient mail() {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        return new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    private ReferralReference screenedReferral(MailServerClient mail, String first, String last) {
        mail.deliver(TestMail.create().from("Pat Example <" + REFERRER + ">").to("RSAB@redbridge.gov.uk")
                .subject("One Panel referral").text(TestMail.bodyReferral(first, last, "02/05/1961",
                        "Self-neglect", REFERRER)).bytes(), "RSAB@redbridge.gov.uk");
        accounts.pollNow();
        ReferralReference ref = await().atMost(PATIENCE).until(() -> referrals.latest(50).stream()
                .filter(r -> last.equals(r.subject().lastName())).findFirst(), Optional::isPresent).orElseThrow()
                .reference();
        await().atMost(PATIENCE).until(() -> referrals.find(ref).orElseThrow().status() == ReferralStatus.SCREENING);
        return ref;
    }

    private static List<ParsedMail> awaitMail(MailServerClient mail, String address, String text) {
        return await().atMost(PATIENCE).until(() -> mail.inbox(address).stream().map(MailParser::parse)
                .filter(m -> m.header("Subject") != null && m.header("Subject").contains(text)).toList(),
                l -> !l.isEmpty());
    }
}
