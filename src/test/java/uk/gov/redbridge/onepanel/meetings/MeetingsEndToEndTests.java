package uk.gov.redbridge.onepanel.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy.ParsedMail;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.testing.MailServerClient;
import uk.gov.redbridge.onepanel.testing.SettableClock;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.workingdays.WorkingDays;

/**
 * From three referrals to outcome emails: referrals of three pathways arrive by mail, one agency returns in time and
 * the rest run past their deadlines, the pack goes to the members and goes again when a late return comes in, a
 * panel without the police refuses a decision, two people of one agency give one vote, and the recommendation sends
 * the outcome emails to the right bodies; the annual review counts what was created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onepanel.requests.hold=PT0S", "onepanel.meetings.papers-check-interval=PT24H"})
@ActiveProfiles("test")
@Import(MeetingsEndToEndTests.Clocks.class)
class MeetingsEndToEndTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String REFERRER = "pat.example@nhs-trust.example";
    static final String CHAIR = "panel.chair@nelics.example";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return SettableClock.nextWednesdayMorning();
        }
    }

    @Autowired
    SettableClock clock;
    @Autowired
    MailAccounts accounts;
    @Autowired
    ReferralLog referrals;
    @Autowired
    InformationRequests requests;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    PanelMeetings meetings;

    @Test
    void threeReferralsGoThroughAMeetingToOutcomeEmails() throws IOException {
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        MailServerClient mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
        LocalDate received = workingDays.today();
        ReferralReference adults = referral(mail, "RSAB@redbridge.gov.uk", "Ada", "Quayle",
                "Self-neglect and repeated falls at home");
        ReferralReference children = referral(mail, "RedbridgeSCP@redbridge.gov.uk", "Bo", "Rendell",
                "Serious injury to an infant");
        ReferralReference dhr = referral(mail, "RedbridgeOnePanel@redbridge.gov.uk", "Cara", "Stobart",
                "Killed by her partner at home");
        assertThat(Set.of(pathway(adults), pathway(children), pathway(dhr)))
                .containsExactlyInAnyOrder(Pathway.ADULTS_SAR, Pathway.CHILDREN_CSPR, Pathway.DOMESTIC_HOMICIDE);
        for (ReferralReference ref : List.of(adults, children, dhr)) {
            await().atMost(PATIENCE).until(() -> !requests.forReferral(ref).isEmpty() && requests.forReferral(ref)
                    .stream().allMatch(r -> r.status() == RequestStatus.SENT));
        }

        // NELFT returns on time on the adults' referral, with a PDF
        String nelftReply = requests.find(adults, "NELFT").orElseThrow().replyAddress();
        deliver(mail, TestMail.create().from("Named Nurse <named.nurse@nelft.nhs.uk>").to(nelftReply)
                .subject("RE: return").text("Our return is attached.")
                .attach("NELFT return.pdf", Documents.PDF, Documents.pdf("NELFT chronology")), nelftReply);
        await().atMost(PATIENCE).until(() -> requests.find(adults, "NELFT").orElseThrow().status()
                == RequestStatus.RETURNED);

        // everyone else runs past the deadline: the referrals are ready for the panel and go on the next agenda
        LocalDate due = workingDays.addWorkingDays(received, 10);
        clock.moveTo(workingDays.addWorkingDays(due, 3), LocalTime.of(8, 0));
        requests.runDeadlineCheck();
        for (ReferralReference ref : List.of(adults, children, dhr)) {
            await().atMost(PATIENCE).until(() -> referrals.find(ref).orElseThrow().status()
                    == ReferralStatus.READY_FOR_PANEL);
        }
        meetings.checkPapers();
        Meeting meeting = await().atMost(PATIENCE).until(() -> MeetingsTestSupport.meetingOf(meetings, adults),
                Optional::isPresent).orElseThrow();
        await().atMost(PATIENCE).until(() -> meetings.agenda(meeting.id()).size() == 3);

        // the pack: agenda, then each referral's papers, a bookmark per document, every document, pages right
        IssuedPack pack = meetings.issuePapersNow(meeting.id(), "secretariat").orElseThrow();
        byte[] pdf = meetings.packPdf(meeting.id()).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pack.pages());
            List<PDOutlineItem> top = list(doc.getDocumentCatalog().getDocumentOutline().children());
            assertThat(top).extracting(PDOutlineItem::getTitle).first().isEqualTo("Agenda");
            assertThat(top).hasSize(4);
            int bookmarked = 1;
            for (PDOutlineItem group : top.subList(1, 4)) {
                List<String> titles = list(group.children()).stream().map(PDOutlineItem::getTitle).toList();
                assertThat(titles).startsWith("Cover sheet", "Contents", "Referral form (as read from the email)");
                bookmarked += titles.size();
            }
            assertThat(bookmarked).isEqualTo(pack.contents().size());
            assertThat(pack.contents()).anySatisfy(e -> assertThat(e.title())
                    .isEqualTo("Return from NELFT: NELFT return.pdf"));
            assertThat(pack.contents().stream().mapToInt(e -> e.pages()).sum()).isEqualTo(pack.pages());
        }
        ParsedMail toChair = awaitMail(mail, CHAIR, "One Panel papers", 1).get(0);
        assertThat(toChair.attachments()).extracting(a -> a.fileName()).containsExactly(pack.fileName());

        // a late return: the pack goes again with a note of what changed
        String mpsReply = requests.find(dhr, "MPS").orElseThrow().replyAddress();
        deliver(mail, TestMail.create().from("Partnerships Desk <partnerships@met.police.uk>").to(mpsReply)
                .subject("RE: return").text("Our late return is attached.")
                .attach("MPS report.docx", Documents.DOCX, Documents.docx("MPS single agency report")), mpsReply);
        await().atMost(PATIENCE).until(() -> requests.find(dhr, "MPS").orElseThrow().status().answered());
        meetings.checkPapers();
        IssuedPack second = meetings.pack(meeting.id()).orElseThrow();
        assertThat(second.issue()).isEqualTo(2);
        assertThat(second.changes()).anySatisfy(c -> assertThat(c).startsWith(dhr + ": return from MPS now"));
        ParsedMail reissue = awaitMail(mail, CHAIR, "Re-issued (issue 2)", 1).get(0);
        assertThat(reissue.body()).contains(dhr + ": return from MPS now");

        // without the police the panel is not quorate, and refuses a decision
        AgendaItem adultsItem = item(meeting, adults);
        for (String member : List.of(CHAIR, "adults.safeguarding@redbridge.example",
                "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
                "safeguarding.adults@nelft.example")) {
            meetings.recordAttendance(meeting.id(), member, null, null, "secretariat");
        }
        assertThat(meetings.quorum(meeting.id()).quorate()).isFalse();
        assertThat(meetings.quorum(meeting.id()).missing()).containsExactly(uk.gov.redbridge.onepanel.agencies.Sector.POLICE);
        DecisionForm sar = new DecisionForm(List.of(Recommendation.SAR), null, SarBasis.MANDATORY,
                "Multi-agency response to self-neglect", Set.of(Methodology.APPRECIATIVE_INQUIRY),
                "Died after serious neglect; concern about how agencies worked together",
                List.of(new FollowUpAction("Commission an independent reviewer", "RSAB business manager", null)),
                List.of("LBR-CSC"), "Considered a learning review enough");
        assertThatThrownBy(() -> meetings.recordDecision(adultsItem.id(), sar, "secretariat"))
                .isInstanceOf(QuorumNotMetException.class).hasMessageContaining("Police");
        assertThat(meetings.decision(adultsItem.id())).isEmpty();

        // with the police it is; two people from NELFT give NELFT one vote
        meetings.recordAttendance(meeting.id(), "ea.partnerships@mps.example", null, null, "secretariat");
        meetings.recordAttendance(meeting.id(), "Deputy Named Nurse", "NELFT", "Deputy", "secretariat");
        assertThat(meetings.quorum(meeting.id()).quorate()).isTrue();
        meetings.recordVote(adultsItem.id(), "NELFT", Recommendation.SAR, "NELFT Named Professional", "secretariat");
        meetings.recordVote(adultsItem.id(), "NELFT", Recommendation.SAR, "Deputy Named Nurse", "secretariat");
        meetings.recordVote(adultsItem.id(), "MPS", Recommendation.SAR, "Partnerships DCI", "secretariat");
        meetings.recordVote(adultsItem.id(), "LBR-CSC", Recommendation.NON_STATUTORY_REVIEW, "Head of Child Protection",
                "secretariat");
        assertThat(meetings.votes(adultsItem.id())).extracting(Vote::agency).containsExactly("LBR-CSC", "MPS", "NELFT");

        Decision decision = meetings.recordDecision(adultsItem.id(), sar, "secretariat");
        assertThat(decision.escalated()).isTrue();
        assertThat(decision.votes()).hasSize(3);
        Referral decided = referrals.find(adults).orElseThrow();
        assertThat(decided.status()).isEqualTo(ReferralStatus.DECIDED);
        assertThat(decided.form().value("decision.recommendation")).get().asString()
                .contains("Safeguarding Adults Review", "s44(1)-(3)");
        assertThat(decided.form().value("decision.meeting_date")).contains(meeting.date().toString());

        AgendaItem dhrItem = item(meeting, dhr);
        meetings.recordDecision(dhrItem.id(), new DecisionForm(List.of(Recommendation.parse("DARDR").orElseThrow()),
                null, null, null, Set.of(), "Death by a partner; DHR criteria met", List.of(), List.of(), null),
                "secretariat");

        // the outcome emails, to the right bodies
        assertThat(awaitMail(mail, REFERRER, adults + " One Panel outcome", 1)).hasSize(1);
        assertThat(awaitMail(mail, "rsab.business.manager@redbridge.example", adults + " One Panel recommendation", 1))
                .hasSize(1);
        assertThat(awaitMail(mail, "statutory.partners@mps.example", adults + " One Panel recommendation with dissent",
                1)).hasSize(1);
        assertThat(awaitMail(mail, "statutory.partners@mps.example", adults + " One Panel recommendation for "
                + "ratification", 1)).hasSize(1);
        ParsedMail toCsp = awaitMail(mail, "csp.business.manager@redbridge.example", dhr.toString(), 1).get(0);
        assertThat(toCsp.body()).contains("inform the Home Office", "DARDR");
        assertThat(mailAbout(mail, "csp.business.manager@redbridge.example", adults.toString())).isEmpty();
        assertThat(mailAbout(mail, "rsab.business.manager@redbridge.example", dhr.toString())).isEmpty();

        // the board ratifies: the review is tracked
        meetings.recordBoardDecision(decision.id(), new BoardDecisionForm(true, null, null,
                "RSAB Independent Chair", workingDays.today(), "Criteria of s44(1) met"), "secretariat");
        assertThat(referrals.find(adults).orElseThrow().status()).isEqualTo(ReferralStatus.REVIEW_IN_PROGRESS);
        assertThat(meetings.reviews()).extracting(Review::referral).contains(adults);

        // the annual review counts what was created
        AnnualReport report = meetings.annualReport(received.minusMonths(11), workingDays.today());
        assertThat(report.referrals().count()).isEqualTo(3);
        assertThat(report.referrals().shown()).isEqualTo("<5");
        AnnualReport.Breakdown byPathway = report.breakdowns().get(0);
        assertThat(byPathway.rows()).filteredOn(r -> r.cell().count() > 0)
                .extracting(r -> r.label(), r -> r.cell().count())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Pathway.ADULTS_SAR.label(), 1),
                        org.assertj.core.groups.Tuple.tuple(Pathway.CHILDREN_CSPR.label(), 1),
                        org.assertj.core.groups.Tuple.tuple(Pathway.DOMESTIC_HOMICIDE.label(), 1));
        assertThat(report.breakdowns().get(3).rows()).extracting(r -> r.label()).contains("Not yet considered by the panel");
        assertThat(report.returns()).filteredOn(a -> a.agency().equals("NELFT")).singleElement()
                .satisfies(a -> {
                    assertThat(a.onTime().count()).isEqualTo(1);
                    assertThat(a.requests().count()).isEqualTo(3);
                });
    }

    private Pathway pathway(ReferralReference ref) {
        return referrals.find(ref).orElseThrow().pathway();
    }

    private AgendaItem item(Meeting meeting, ReferralReference ref) {
        return MeetingsTestSupport.itemOf(meetings, meeting, ref);
    }

    private ReferralReference referral(MailServerClient mail, String to, String first, String last, String reason) {
        deliver(mail, TestMail.create().from("Pat Example <" + REFERRER + ">").to(to).subject("One Panel referral")
                .text(TestMail.bodyReferral(first, last, "02/05/1961", reason, REFERRER)), to);
        accounts.pollNow();
        return await().atMost(PATIENCE).until(() -> referrals.latest(50).stream()
                .filter(r -> last.equals(r.subject().lastName())).findFirst(), Optional::isPresent).orElseThrow()
                .reference();
    }

    private void deliver(MailServerClient mail, TestMail message, String to) {
        mail.deliver(message.bytes(), to);
        accounts.pollNow();
    }

    private static List<ParsedMail> mailAbout(MailServerClient mail, String address, String text) {
        return mail.inbox(address).stream().map(MailParser::parse)
                .filter(m -> m.header("Subject") != null && m.header("Subject").contains(text)).toList();
    }

    private static List<ParsedMail> awaitMail(MailServerClient mail, String address, String text, int count) {
        return await().atMost(PATIENCE).until(() -> mailAbout(mail, address, text), l -> l.size() >= count);
    }

    private static <T> List<T> list(Iterable<T> items) {
        List<T> out = new java.util.ArrayList<>();
        items.forEach(out::add);
        return out;
    }
}
